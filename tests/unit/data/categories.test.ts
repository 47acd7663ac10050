import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  CATEGORY_IDS,
  categoryById,
  categoryOfAcled,
  EVENT_TYPES,
} from '../../../src/data/categories';

/** ACLED's event types and their sub-event types, as the ACLED Codebook (2019–) writes them. */
const ACLED: Record<string, string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

describe('report categories', () => {
  it("one category per ACLED sub-event type, under its event type, plus the project's siege", () => {
    expect([...EVENT_TYPES]).toEqual(Object.keys(ACLED));
    for (const [eventType, subs] of Object.entries(ACLED))
      for (const sub of subs) {
        const c = categoryOfAcled(sub);
        expect(c, sub).toBeDefined();
        expect(c?.event_type, sub).toBe(eventType);
        expect(c?.sub_event_type, sub).toBe(sub);
      }
    const acled = Object.values(ACLED).flat().length;
    expect(CATEGORIES).toHaveLength(acled + 1);
    expect(categoryById('siege')).toMatchObject({
      event_type: 'Strategic developments',
      sub_event_type: 'Other',
      label: 'Siege',
    });
  });

  it('ids are unique kebab-case slugs, and look-ups by id find them', () => {
    expect(new Set(CATEGORY_IDS).size).toBe(CATEGORY_IDS.length);
    for (const id of CATEGORY_IDS) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(categoryById(id)?.id).toBe(id);
    }
    expect(categoryById('battle')).toBeUndefined();
    expect(categoryById(undefined)).toBeUndefined();
    // Only own entries: an inherited name is not a category.
    expect(categoryById('toString')).toBeUndefined();
  });

  it('labels default to the sub-event type; attacks on civilians are named so', () => {
    expect(categoryById('armed-clash')?.label).toBe('Armed clash');
    expect(categoryById('attack-on-civilians')).toMatchObject({
      sub_event_type: 'Attack',
      label: 'Attack on civilians',
    });
  });

  it('reads an ACLED sub-event type whatever its case and spacing; "Other" is other, never siege', () => {
    expect(categoryOfAcled('  air/DRONE   strike ')?.id).toBe('air-drone-strike');
    expect(categoryOfAcled('Other')?.id).toBe('other');
    expect(categoryOfAcled('other')?.id).toBe('other');
    expect(categoryOfAcled('Siege')).toBeUndefined();
    expect(categoryOfAcled('')).toBeUndefined();
    expect(categoryOfAcled('Armed clashes')).toBeUndefined();
  });
});
