// A synthetic voter file in the NC State Board of Elections 71-column layout, from a seeded PRNG, with the mess
// real files have: padded spaces, '27312.0' ZIPs, empty ZIPs, bare 10-digit phones (and some bad ones),
// MM/DD/YYYY dates, birth_year only, and ~5% duplicates (half repeated rows with the same ncid, half
// near-duplicates: a new ncid, a misspelt first name, the same address). Written as a Latin-1 stream.
import fs from 'node:fs';
import { once } from 'node:events';

export const ncHeader =
  'county_id county_desc voter_reg_num status_cd voter_status_desc reason_cd voter_status_reason_desc absent_ind name_prefx_cd last_name first_name midl_name name_sufx_cd res_street_address res_city_desc state_cd zip_code mail_addr1 mail_addr2 mail_addr3 mail_addr4 mail_city mail_state mail_zipcode full_phone_number race_code ethnic_code party_cd gender_code birth_age birth_place drivers_lic registr_dt precinct_abbrv precinct_desc municipality_abbrv municipality_desc ward_abbrv ward_desc cong_dist_abbrv super_court_abbrv judic_dist_abbrv nc_senate_abbrv nc_house_abbrv county_commiss_abbrv county_commiss_desc township_abbrv township_desc school_dist_abbrv school_dist_desc fire_dist_abbrv fire_dist_desc water_dist_abbrv water_dist_desc sewer_dist_abbrv sewer_dist_desc sanit_dist_abbrv sanit_dist_desc rescue_dist_abbrv rescue_dist_desc munic_dist_abbrv munic_dist_desc dist_1_abbrv dist_1_desc dist_2_abbrv dist_2_desc Confidential_ind birth_year ncid vtd_abbrv vtd_desc'.split(
    ' ',
  );

/** mulberry32: small, fast, seeded. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firsts =
  'JAMES MARY JOHN PATRICIA ROBERT JENNIFER MICHAEL LINDA WILLIAM ELIZABETH DAVID BARBARA RICHARD SUSAN JOSEPH JESSICA THOMAS SARAH CHARLES KAREN CHRISTOPHER NANCY DANIEL LISA MATTHEW BETTY ANTHONY MARGARET MARK SANDRA DONALD ASHLEY STEVEN KIMBERLY PAUL EMILY ANDREW DONNA JOSHUA MICHELLE KENNETH DOROTHY KEVIN CAROL BRIAN AMANDA GEORGE MELISSA EDWARD DEBORAH'.split(
    ' ',
  );
const lasts =
  'SMITH JOHNSON WILLIAMS BROWN JONES GARCIA MILLER DAVIS RODRIGUEZ MARTINEZ HERNANDEZ LOPEZ GONZALEZ WILSON ANDERSON THOMAS TAYLOR MOORE JACKSON MARTIN LEE PEREZ THOMPSON WHITE HARRIS SANCHEZ CLARK RAMIREZ LEWIS ROBINSON WALKER YOUNG ALLEN KING WRIGHT SCOTT TORRES NGUYEN HILL FLORES GREEN ADAMS NELSON BAKER HALL RIVERA CAMPBELL MITCHELL CARTER ROBERTS'.split(
    ' ',
  );
const streets = 'MAIN OAK PINE MAPLE CEDAR ELM WASHINGTON LAKE HILL CHURCH MILL PARK RIVER SPRING FOREST'.split(' ');
const kinds = ['RD', 'ST', 'DR', 'LN', 'CT', 'AVE'];
const cities = ['RALEIGH', 'DURHAM', 'CHAPEL HILL', 'PITTSBORO', 'SILER CITY', 'CARY', 'SANFORD', 'APEX'];
const statuses = [
  ['A', 'ACTIVE', 'AV', 'VERIFIED'],
  ['A', 'ACTIVE', 'AV', 'VERIFIED'],
  ['A', 'ACTIVE', 'AV', 'VERIFIED'],
  ['I', 'INACTIVE', 'IN', 'CONFIRMATION NOT RETURNED'],
  ['R', 'REMOVED', 'RD', 'DECEASED'],
];
const parties = ['DEM', 'REP', 'UNA', 'UNA', 'LIB'];

export async function writeNcFile(file: string, rows: number, seed = 20261122): Promise<number> {
  const rnd = prng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  let buffer = `${ncHeader.join('\t')}\n`;
  const recent: string[][] = [];
  for (let i = 0; i < rows; i++) {
    let f: string[];
    const r = rnd();
    if (recent.length > 100 && r < 0.025) {
      f = [...pick(recent)]; // the same row again (same ncid): rejected as a duplicate key within the file
    } else if (recent.length > 100 && r < 0.05) {
      f = [...pick(recent)];
      f[10] = f[10].length > 3 ? f[10].slice(0, -1) : `${f[10]}E`; // a misspelt first name, new ncid
      f[68] = `BX${i}`;
      f[24] = '';
    } else {
      const [statusCd, status, reasonCd, reason] = pick(statuses);
      const zip = String(27000 + Math.floor(rnd() * 900));
      const zipRaw = rnd() < 0.1 ? '' : rnd() < 0.9 ? `${zip}.0` : zip;
      const phone = rnd() < 0.3 ? '' : rnd() < 0.97 ? `919${String(1000000 + Math.floor(rnd() * 8999999))}` : '5551234';
      const year = 1930 + Math.floor(rnd() * 75);
      const reg = `${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}/${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}/${1990 + Math.floor(rnd() * 28)}`;
      const street = `${1 + Math.floor(rnd() * 9999)}  ${pick(streets)} ${pick(kinds)}   `;
      const city = pick(cities);
      f = new Array(71).fill('');
      Object.assign(f, {
        0: '19',
        1: 'CHATHAM',
        2: String(100000 + i),
        3: statusCd,
        4: status,
        5: reasonCd,
        6: reason,
        7: ' ',
        8: ' ',
        9: pick(lasts),
        10: pick(firsts),
        11: pick(firsts),
        13: street,
        14: city,
        15: 'NC',
        16: zipRaw,
        17: street.replace(/\s+/g, ' ').trim(),
        21: city,
        22: 'NC',
        23: zip,
        24: phone,
        25: pick(['W', 'B', 'A', 'O']),
        26: 'NL',
        27: pick(parties),
        28: pick(['F', 'M', 'U']),
        29: String(2018 - year),
        30: 'NC',
        31: 'Y',
        32: reg,
        33: `P${Math.floor(rnd() * 20)}`,
        34: `PRECINCT ${Math.floor(rnd() * 20)}`,
        39: '6.0',
        40: '15B',
        41: '15B',
        42: '23.0',
        43: '54.0',
        44: '1.0',
        45: '1ST COUNTY COMMISSIONER',
        48: '1',
        49: '1ST SCHOOL',
        64: '18.0',
        65: '18TH PROSECUTORIAL',
        66: ' ',
        67: String(year),
        68: `AX${i}`,
        69: 'P1',
        70: 'P1',
      });
      recent.push(f);
      if (recent.length > 5000) recent.splice(0, 1000);
    }
    buffer += `${f.join('\t')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer, 'latin1')) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer, 'latin1');
  await once(out, 'finish');
  return rows;
}
