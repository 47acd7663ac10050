/**
 * Report categories: ACLED's event types and sub-event types (ACLED Codebook, 2019 onwards), one
 * id per sub-event type, so a report joins with an ACLED export on `sub_event_type`. One project
 * extension, `siege`, which ACLED codes as Strategic developments / Other: the importer maps
 * ACLED's "Other" to `other`, never to `siege`.
 */

export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface Category {
  /** Stable id written in report files. */
  id: string;
  /** ACLED's `event_type`, exactly as ACLED writes it. */
  event_type: EventType;
  /** ACLED's `sub_event_type`, exactly as ACLED writes it (`siege`: the project's own). */
  sub_event_type: string;
  /** Short English label for the legend and popups. */
  label: string;
}

const c = (id: string, event_type: EventType, sub_event_type: string, label = sub_event_type) => ({
  id,
  event_type,
  sub_event_type,
  label,
});

export const CATEGORIES: readonly Category[] = [
  c('armed-clash', 'Battles', 'Armed clash'),
  c('government-regains-territory', 'Battles', 'Government regains territory'),
  c('non-state-actor-overtakes-territory', 'Battles', 'Non-state actor overtakes territory'),
  c('chemical-weapon', 'Explosions/Remote violence', 'Chemical weapon'),
  c('air-drone-strike', 'Explosions/Remote violence', 'Air/drone strike'),
  c('suicide-bomb', 'Explosions/Remote violence', 'Suicide bomb'),
  c(
    'shelling-artillery-missile',
    'Explosions/Remote violence',
    'Shelling/artillery/missile attack',
  ),
  c('remote-explosive', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'),
  c('grenade', 'Explosions/Remote violence', 'Grenade'),
  c('sexual-violence', 'Violence against civilians', 'Sexual violence'),
  c('attack-on-civilians', 'Violence against civilians', 'Attack', 'Attack on civilians'),
  c('abduction', 'Violence against civilians', 'Abduction/forced disappearance'),
  c('peaceful-protest', 'Protests', 'Peaceful protest'),
  c('protest-with-intervention', 'Protests', 'Protest with intervention'),
  c('excessive-force-against-protesters', 'Protests', 'Excessive force against protesters'),
  c('violent-demonstration', 'Riots', 'Violent demonstration'),
  c('mob-violence', 'Riots', 'Mob violence'),
  c('agreement', 'Strategic developments', 'Agreement'),
  c('arrests', 'Strategic developments', 'Arrests'),
  c('change-to-group-activity', 'Strategic developments', 'Change to group/activity'),
  c('disrupted-weapons-use', 'Strategic developments', 'Disrupted weapons use'),
  c('base-established', 'Strategic developments', 'Headquarters or base established'),
  c('looting-property-destruction', 'Strategic developments', 'Looting/property destruction'),
  c(
    'non-violent-transfer-of-territory',
    'Strategic developments',
    'Non-violent transfer of territory',
  ),
  c('siege', 'Strategic developments', 'Other', 'Siege'),
  c('other', 'Strategic developments', 'Other'),
];

export const CATEGORY_IDS: readonly string[] = CATEGORIES.map((x) => x.id);

const BY_ID = new Map(CATEGORIES.map((x) => [x.id, x]));

/** The category with this id, or undefined. */
export function categoryById(id: string | undefined): Category | undefined {
  return id === undefined ? undefined : BY_ID.get(id);
}

/** The category of an ACLED row from its `sub_event_type` (case and spacing folded); ACLED's
 * "Other" gives `other`. Undefined for a sub-event type ACLED does not define. */
export function categoryOfAcled(subEventType: string): Category | undefined {
  const key = subEventType.trim().toLowerCase().replace(/\s+/g, ' ');
  return CATEGORIES.find((x) => x.id !== 'siege' && x.sub_event_type.toLowerCase() === key);
}
