// An and/or group of the segment builder: its conditions and nested groups, each removable and negatable.
import { Button } from '../../ui/button.tsx';
import { CheckboxField, SelectField } from '../../ui/form-field.tsx';
import { SegmentCondition } from './segment-condition.tsx';
import { blankCondition, type EditNode, newKey } from './segment-tree.ts';

export function SegmentGroup({
  node,
  onChange,
  onRemove,
  depth = 0,
  legend,
}: {
  node: Extract<EditNode, { kind: 'group' }>;
  onChange(node: EditNode): void;
  onRemove?(): void;
  depth?: number;
  legend?: string;
}) {
  const replace = (i: number, child: EditNode | null) => {
    const children = [...node.children];
    if (child) children[i] = child;
    else children.splice(i, 1);
    onChange({ ...node, children });
  };
  return (
    <fieldset className="card stack">
      <legend>{legend ?? 'Voters who match'}</legend>
      <div className="row">
        <SelectField
          label="Combine with"
          value={node.op}
          onChange={(e) => onChange({ ...node, op: e.target.value as 'and' | 'or' })}
          options={[
            { value: 'and', label: 'all of these (and)' },
            { value: 'or', label: 'any of these (or)' },
          ]}
        />
        {depth > 0 && (
          <CheckboxField
            label="Not"
            checked={node.negate}
            onChange={(e) => onChange({ ...node, negate: e.target.checked })}
          />
        )}
        {onRemove && (
          <Button variant="link" onClick={onRemove}>
            Remove group
          </Button>
        )}
      </div>
      {node.children.map((child, i) =>
        child.kind === 'group' ? (
          <SegmentGroup
            key={child.key}
            node={child}
            depth={depth + 1}
            legend={`Group ${i + 1}`}
            onChange={(c) => replace(i, c)}
            onRemove={() => replace(i, null)}
          />
        ) : (
          <fieldset key={child.key} className="stack">
            <legend>Condition {i + 1}</legend>
            <SegmentCondition
              condition={child.condition}
              onChange={(condition) => replace(i, { ...child, condition })}
            />
            <div className="row">
              <CheckboxField
                label="Not"
                checked={child.negate}
                onChange={(e) => replace(i, { ...child, negate: e.target.checked })}
              />
              <Button variant="link" onClick={() => replace(i, null)}>
                Remove condition
              </Button>
            </div>
          </fieldset>
        ),
      )}
      <div className="row">
        <Button
          onClick={() =>
            onChange({
              ...node,
              children: [
                ...node.children,
                { kind: 'condition', key: newKey(), negate: false, condition: blankCondition('field') },
              ],
            })
          }
        >
          Add condition
        </Button>
        {depth < 4 && (
          <Button
            onClick={() =>
              onChange({
                ...node,
                children: [...node.children, { kind: 'group', key: newKey(), op: 'or', negate: false, children: [] }],
              })
            }
          >
            Add group
          </Button>
        )}
      </div>
    </fieldset>
  );
}
