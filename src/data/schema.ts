/**
 * Property schemas of every data file kind, declared once. The validator checks against these;
 * they are the single source for the documented contract.
 */
import { CATEGORY_IDS } from './categories';
import { REPORT_STATUSES } from './types';

export type FieldType =
  | 'string'
  | 'number'
  | 'string-list'
  | 'time'
  | 'url'
  | 'enum'
  | 'control-list'
  | 'claim-list'
  | 'contested-list';

export interface FieldSpec {
  type: FieldType;
  required: boolean;
  /** Allowed values, for `enum`. */
  values?: readonly string[];
  /** Longest allowed string, in characters. */
  maxLength?: number;
  /** Smallest allowed number. */
  min?: number;
  doc: string;
}

export type Fields = Record<string, FieldSpec>;

const PRECISIONS = ['exact', 'approximate'] as const;

/** When a derived area or line holds, where it comes from and how exact it is: zones and fronts. */
const VALIDITY: Fields = {
  valid_from: {
    type: 'time',
    required: true,
    doc: 'first moment it holds (ISO 8601 with zone)',
  },
  valid_to: {
    type: 'time',
    required: false,
    doc: 'moment it stops holding, exclusive; absent = open-ended',
  },
  source: { type: 'string', required: true, maxLength: 1000, doc: 'URL or citation' },
  precision: { type: 'enum', values: PRECISIONS, required: true, doc: 'exact | approximate' },
};
const NOTE: FieldSpec = {
  type: 'string',
  required: false,
  maxLength: 2000,
  doc: 'method or caveat',
};

export const ZONE_FIELDS: Fields = {
  faction: { type: 'string', required: true, doc: 'id of a faction in the manifest' },
  ...VALIDITY,
  contested: {
    type: 'string-list',
    required: false,
    doc: 'ids of the factions fighting over this area (two or more); absent = not contested',
  },
  note: NOTE,
};

export const FRONT_FIELDS: Fields = {
  factions: {
    type: 'string-list',
    required: true,
    doc: 'ids of the two factions whose areas meet along the line',
  },
  ...VALIDITY,
  note: NOTE,
};

export const PLACE_FIELDS: Fields = {
  name: { type: 'string', required: true, maxLength: 200, doc: 'English name' },
  name_ar: { type: 'string', required: true, maxLength: 200, doc: 'Arabic name' },
  aliases: { type: 'string-list', required: true, doc: 'other spellings' },
  kind: {
    type: 'string',
    required: true,
    maxLength: 40,
    doc: 'town, village, airbase, base, oilfield ...',
  },
  control: {
    type: 'control-list',
    required: true,
    doc: 'control history [{from, faction, source}]',
  },
  source: { type: 'string', required: true, maxLength: 1000, doc: 'where the position comes from' },
  precision: {
    type: 'enum',
    values: PRECISIONS,
    required: false,
    doc: 'exact (default) | approximate',
  },
  uncertainty_m: { type: 'number', required: false, min: 0, doc: 'radius of uncertainty, metres' },
  contested: {
    type: 'contested-list',
    required: false,
    doc: 'dated spells of fighting inside the place or of sources saying it is divided [{from, to?, factions, source}]',
  },
  note: {
    type: 'string',
    required: false,
    maxLength: 2000,
    doc: 'caveat about the place or its history (e.g. a divided city)',
  },
};

/** A spell when a place was contested: fighting inside it, or sources saying it was divided. */
export const CONTESTED_FIELDS: Fields = {
  from: { type: 'time', required: true, doc: 'moment the fighting or division begins' },
  to: { type: 'time', required: false, doc: 'moment it ends, exclusive; absent = open-ended' },
  factions: {
    type: 'string-list',
    required: true,
    doc: 'ids of the factions fighting over it (two or more)',
  },
  source: { type: 'string', required: true, maxLength: 1000, doc: 'URL or citation' },
  note: { type: 'string', required: false, maxLength: 2000, doc: 'what the source says' },
};

/** A claim that disagrees with a control entry: recorded, shown in the place's history, not mapped. */
export const CLAIM_FIELDS: Fields = {
  faction: { type: 'string', required: true, doc: 'id of the faction the claim names' },
  from: { type: 'time', required: false, doc: 'moment the claim gives, if it differs' },
  source: { type: 'string', required: true, maxLength: 1000, doc: 'URL or citation' },
  note: { type: 'string', required: false, maxLength: 2000, doc: 'what the claim says' },
};

export const CONTROL_FIELDS: Fields = {
  from: {
    type: 'time',
    required: true,
    doc: 'moment the faction took (or is first known to hold) it',
  },
  faction: { type: 'string', required: true, doc: 'id of a faction in the manifest' },
  source: { type: 'string', required: true, maxLength: 1000, doc: 'URL or citation' },
  note: {
    type: 'string',
    required: false,
    maxLength: 2000,
    doc: 'caveat, disagreement between sources',
  },
  disputed: {
    type: 'claim-list',
    required: false,
    doc: 'claims of other sources that disagree with this entry [{faction, from?, source, note?}]; the map shows the entry, not these',
  },
};

export const REPORT_FIELDS: Fields = {
  reported_at: { type: 'time', required: true, doc: 'when the blog posted it' },
  occurred_at: { type: 'time', required: false, doc: 'when it happened, if known' },
  title: { type: 'string', required: true, maxLength: 200, doc: 'short headline' },
  text: {
    type: 'string',
    required: true,
    maxLength: 5000,
    doc: 'the report in its original language',
  },
  text_en: { type: 'string', required: false, maxLength: 5000, doc: 'English translation' },
  lang: { type: 'string', required: true, maxLength: 20, doc: 'BCP 47 language tag of text' },
  source_url: { type: 'url', required: true, doc: 'http(s) link to the source' },
  status: {
    type: 'enum',
    values: REPORT_STATUSES,
    required: true,
    doc: 'confirmed | unconfirmed | claimed',
  },
  category: {
    type: 'enum',
    values: CATEGORY_IDS,
    required: true,
    doc: "kind of event, after ACLED's sub-event types (src/data/categories.ts)",
  },
  source_name: {
    type: 'string',
    required: false,
    maxLength: 200,
    doc: "name of the outlet (Reuters, SOHR …); default: the source link's host",
  },
  post: { type: 'string', required: false, doc: 'id of the post that carried it' },
  translator: { type: 'string', required: false, maxLength: 200, doc: 'credit' },
  place: { type: 'string', required: false, doc: 'id of the place it is about' },
  unplaced_names: {
    type: 'string-list',
    required: false,
    doc: 'places the report names that no gazetteer or source can position; the place search finds them and leads to this report',
  },
  precision: {
    type: 'enum',
    values: PRECISIONS,
    required: false,
    doc: 'exact (default) | approximate: the report names no exact spot',
  },
  uncertainty_m: {
    type: 'number',
    required: false,
    min: 0,
    doc: 'radius of uncertainty of the pin, metres',
  },
  fatalities: { type: 'number', required: false, min: 0, doc: 'deaths the source reports' },
};

export const POST_FIELDS: Fields = {
  id: { type: 'string', required: true, maxLength: 100, doc: 'stable id' },
  published_at: { type: 'time', required: true, doc: 'publication time' },
  title: { type: 'string', required: true, maxLength: 300, doc: 'title' },
  url: { type: 'url', required: true, doc: 'http(s) link' },
  author: { type: 'string', required: false, maxLength: 200, doc: 'author' },
  kind: { type: 'string', required: false, maxLength: 60, doc: 'live blog post, news report ...' },
};
