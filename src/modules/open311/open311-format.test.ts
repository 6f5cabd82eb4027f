import { describe, expect, it } from 'vitest';
import { formatOfUrl, serializeList, serializeObject, splitFormat } from './open311-format.ts';
import { parseXml } from './test/xml-shape.ts';

describe('splitFormat', () => {
  it('splits a resource file into name and format', () => {
    expect(splitFormat('S0301.json')).toEqual({ name: 'S0301', format: 'json' });
    expect(splitFormat('CL-2026-RNC-00001.XML')).toEqual({ name: 'CL-2026-RNC-00001', format: 'xml' });
    expect(splitFormat('a.b.xml')).toEqual({ name: 'a.b', format: 'xml' });
  });
  it('refuses other or missing extensions', () => {
    expect(splitFormat('services.csv')).toBeNull();
    expect(splitFormat('S0301')).toBeNull();
    expect(splitFormat('.json')).toBeNull();
  });
  it('reads the format of a URL, xml by default', () => {
    expect(formatOfUrl('/open311/v2/requests.json?status=open')).toBe('json');
    expect(formatOfUrl('/open311/v2/requests.xml')).toBe('xml');
    expect(formatOfUrl('/open311/v2/requests.csv')).toBe('xml');
  });
});

describe('serializers', () => {
  const request = { service_request_id: '001', description: null, lat: 37.5, metadata: true };

  it('JSON lists are bare arrays and ids stay strings', () => {
    const out = serializeList('json', 'service_requests', 'request', [request]);
    expect(out.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(out.body)).toEqual([request]);
    expect(out.body).toContain('"service_request_id":"001"');
  });

  it('XML lists have the declaration, root and one element per item; nulls are empty elements', () => {
    const out = serializeList('xml', 'service_requests', 'request', [request, request]);
    expect(out.contentType).toBe('text/xml; charset=utf-8');
    expect(out.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const parsed = parseXml(out.body);
    expect(parsed.service_requests.request).toHaveLength(2);
    expect(parsed.service_requests.request[0]).toEqual({
      service_request_id: '001',
      description: '',
      lat: '37.5',
      metadata: 'true',
    });
  });

  it('an empty XML list is an empty root element', () => {
    expect(serializeList('xml', 'service_requests', 'request', []).body).toContain(
      '<service_requests></service_requests>',
    );
    expect(serializeList('json', 'service_requests', 'request', []).body).toBe('[]');
  });

  it('escapes markup in text', () => {
    const out = serializeList('xml', 'errors', 'error', [{ code: 400, description: 'a <b> & "c"' }]);
    expect(out.body).toContain('<description>a &lt;b&gt; &amp; &quot;c&quot;</description>');
    expect(parseXml(out.body).errors.error.description).toBe('a <b> & "c"');
  });

  it('wraps known list fields in their item element and repeats multi-value answers', () => {
    const out = serializeObject('xml', 'service_definition', {
      service_code: 'X',
      attributes: [
        { code: 'A', values: [{ key: 'k', name: 'n' }] },
        { code: 'B', values: [] },
      ],
    });
    expect(out.body).toMatch(/<attributes>\s*<attribute>\s*<code>A<\/code>\s*<values>\s*<value>\s*<key>k<\/key>/);
    expect(out.body).toContain('<values></values>');
    const multi = serializeObject('xml', 'request', { attributes: { TYPES: ['a', 'b'] } });
    expect(multi.body).toMatch(/<TYPES>a<\/TYPES>\s*<TYPES>b<\/TYPES>/);
  });
});
