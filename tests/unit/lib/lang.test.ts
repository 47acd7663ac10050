import { describe, expect, it } from 'vitest';
import { dirOf, langFrom, langParam, urlInLang } from '../../../src/lib/lang';
import {
  formatNumber,
  formatUtcClock,
  formatUtcDate,
  formatUtcInWords,
} from '../../../src/lib/time';

const PAGE = 'https://example.org/map/';

describe('the interface language', () => {
  it('is ?lang= when it names one we have, else the first browser language we have, else English', () => {
    expect(langFrom(`${PAGE}?lang=ar`, ['en-US'])).toBe('ar');
    expect(langFrom(`${PAGE}?lang=en`, ['ar-SY'])).toBe('en');
    expect(langFrom(`${PAGE}?lang=AR`)).toBe('ar');
    expect(langFrom(`${PAGE}?lang=fr`, ['fr-FR', 'ar-EG', 'en'])).toBe('ar');
    expect(langFrom(PAGE, ['de', 'en-GB'])).toBe('en');
    expect(langFrom(PAGE, ['ar_SY'])).toBe('ar');
    expect(langFrom(PAGE, ['de'])).toBe('en');
    expect(langFrom(PAGE)).toBe('en');
    expect(langParam(`${PAGE}?lang=ar`)).toBe('ar');
    expect(langParam(`${PAGE}?lang=xx`)).toBeNull();
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('en')).toBe('ltr');
  });

  it('switches a page URL to another language, keeping its other parameters and hash', () => {
    expect(urlInLang(`${PAGE}?dataset=x.json&lang=en#t=2015-10-23T23:34Z`, 'ar')).toBe(
      `${PAGE}?dataset=x.json&lang=ar#t=2015-10-23T23:34Z`,
    );
  });

  it('formats dates and numbers in Arabic with Syrian usage: Arabic-Indic digits, Levantine months', () => {
    const t = Date.UTC(2015, 9, 23, 23, 34);
    expect(formatUtcDate(t, 'ar')).toBe('٢٣ تشرين الأول ٢٠١٥');
    expect(formatUtcClock(t, 'ar')).toBe('٢٣:٣٤');
    expect(formatUtcInWords(t, 'ar')).toContain('٢٣ تشرين الأول ٢٠١٥');
    expect(formatUtcInWords(t, 'ar')).toContain('٢٣:٣٤');
    expect(formatNumber(1234, 'ar')).toBe('١٬٢٣٤');
    // English keeps the app's own forms.
    expect(formatUtcInWords(t)).toBe('23 October 2015, 23:34 UTC');
    expect(formatUtcDate(t, 'en')).toBe('23 Oct 2015');
    expect(formatNumber(1234)).toBe('1,234');
  });
});
