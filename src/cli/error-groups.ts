/** Rows grouped under one word or rule, for `saring check --show`. */

/** One example row of a group, with the part of the text that decided it. */
export interface GroupExample {
  id: unknown;
  text: string;
  start?: number;
  end?: number;
  note?: string;
}

/** Rows that share one deciding word (or rule + word). */
export interface ErrorGroup {
  key: string;
  heading: string;
  rows: GroupExample[];
}

/** Collects rows by key, keeping the heading of the first row of each key. */
export class GroupCollector {
  private readonly groups = new Map<string, ErrorGroup>();

  /** Adds one row to the group `key`. */
  add(key: string, heading: string, example: GroupExample): void {
    const group = this.groups.get(key);
    if (group === undefined) this.groups.set(key, { key, heading, rows: [example] });
    else group.rows.push(example);
  }

  /** The groups, largest first (ties by key, so the output is stable). */
  listGroups(): ErrorGroup[] {
    return [...this.groups.values()].sort((a, b) => b.rows.length - a.rows.length || a.key.localeCompare(b.key));
  }
}
