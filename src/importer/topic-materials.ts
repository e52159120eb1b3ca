import type { Reading } from '../plan/schema.ts';
import { cleanText, type CellLink } from './rows.ts';

// The link texts of a class's materials: "slides", "/ Slides (pdf)", "Recording", "lecture files".
const MATERIAL =
  /^(?:slides?|recording|video|notebook|activity|lecture\s+(?:files|notes|video)|notes|handout|demo|code|worksheet)(?:\s*\([^()]{1,12}\))?$/i;
const SEPARATORS = /[\s/|,·•-]+$/;

/**
 * Links to a class's materials written after its topic in the same cell ("Overview / Slides (pdf) /
 * Recording", "Intro to CSS slides | activity"): they leave the topic and become its readings, with
 * their urls. Only linked words are taken, so a topic that names slides in words keeps them.
 */
export function topicMaterials(topic: string, links: CellLink[]): { topic: string; readings: Reading[] } {
  let rest = topic;
  const readings: Reading[] = [];
  for (let guard = 0; guard < 12; guard += 1) {
    const trimmed = rest.replace(SEPARATORS, '');
    const link = links.find((l) => {
      const text = cleanText(l.text).replace(/^[/|]\s*/, '');
      return text && MATERIAL.test(text) && trimmed.endsWith(text) && trimmed.length > text.length;
    });
    if (!link) break;
    const text = cleanText(link.text).replace(/^[/|]\s*/, '');
    rest = trimmed.slice(0, trimmed.length - text.length);
    readings.unshift({ title: text, url: link.url });
  }
  const left = rest.replace(SEPARATORS, '').trim();
  return left && readings.length ? { topic: left, readings } : { topic, readings: [] };
}
