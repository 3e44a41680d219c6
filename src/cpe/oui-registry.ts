import { Injectable } from '@nestjs/common';

// The IEEE OUI registry as shipped by the oui-data package (no network look-ups). Loaded on first use: it is a
// 5.6 MB JSON file, and a service that never meets a CPE MAC should not pay for it.

/** Short names agents and customers know, for registry entries that carry full company names. */
const FRIENDLY: [RegExp, string][] = [
  [/^TP-LINK/i, 'TP-Link'],
  [/^AVM /i, 'AVM (FRITZ!Box)'],
  [/^NETGEAR/i, 'NETGEAR'],
  [/^ASUSTek/i, 'ASUS'],
  [/^Ubiquiti/i, 'Ubiquiti'],
  [/^Linksys/i, 'Linksys'],
  [/^Apple/i, 'Apple'],
  [/^HUAWEI/i, 'Huawei'],
  [/^Sagemcom/i, 'Sagemcom'],
  [/^Xiaomi/i, 'Xiaomi'],
  [/^Samsung/i, 'Samsung'],
  [/^D-Link/i, 'D-Link'],
  [/^zte/i, 'ZTE'],
];

const SUFFIXES =
  /[,.]?\s+(inc|ltd|llc|gmbh|co|corp|corporation|limited|technologies|technology|s\.a\.s|sas|ag|bv|b\.v)\.?\b.*$/i;

@Injectable()
export class OuiRegistry {
  private table: Record<string, string> | undefined;

  /** The vendor of a MAC address (aa:bb:cc:dd:ee:ff), or null for unknown or locally administered ones. */
  vendorOf(mac: string): string | null {
    const hex = mac.replace(/[^0-9a-f]/gi, '').toUpperCase();
    if (hex.length !== 12 || (parseInt(hex.slice(0, 2), 16) & 0x02) !== 0) {
      return null;
    }
    const table = this.load();
    // MA-S (36-bit) and MA-M (28-bit) blocks are more specific than the MA-L (24-bit) one around them.
    const entry = table[hex.slice(0, 9)] ?? table[hex.slice(0, 7)] ?? table[hex.slice(0, 6)];
    return entry ? friendlyName(entry) : null;
  }

  private load(): Record<string, string> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.table ??= require('oui-data') as Record<string, string>;
    return this.table;
  }
}

export function friendlyName(registryEntry: string): string {
  const company = registryEntry.split('\n')[0].trim();
  const known = FRIENDLY.find(([re]) => re.test(company));
  return known ? known[1] : company.replace(SUFFIXES, '').trim() || company;
}
