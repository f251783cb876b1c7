/**
 * Word material for synthetic facts: the domain's own phrases (so that real queries such as "joint
 * patrol attacked" hit many facts, as they would in a grown fact base) and a long tail of generated
 * names (so that the term dictionary grows with the base, as a real vocabulary does).
 */
import type { Random } from './prng.ts';

export const ACTORS = [
  'Russian military police',
  'Turkish troops',
  'Turkish armoured vehicles',
  'Russian armoured personnel carriers',
  'the joint convoy',
  'Turkish special forces',
  'Russian helicopters',
  'Syrian government forces',
  'opposition fighters',
  'Hayat Tahrir al-Sham militants',
  'the National Liberation Front',
  'local residents',
  'Turkish engineers',
  'Russian sappers',
  'a Turkish reconnaissance unit',
  'the Russian Reconciliation Centre',
  'Turkish-backed factions',
  'unidentified gunmen',
  'a Russian drone',
  'Turkish border guards',
];

export const WEAPONS = [
  'an improvised explosive device',
  'an anti-tank guided missile',
  'a roadside bomb',
  'a car bomb',
  'mortar shells',
  'rocket-propelled grenades',
  'sniper fire',
  'an armed drone',
  'a landmine',
  'heavy machine guns',
];

export const VEHICLES = ['BTR-82A', 'Tigr', 'Kirpi', 'Ejder', 'Cobra', 'Typhoon', 'BMP-2', 'Hizir', 'Vuran', 'Ural'];

export const OUTCOMES = [
  'no casualties were reported',
  'three servicemen were lightly wounded',
  'one armoured vehicle was slightly damaged',
  'the patrol was cut short and returned to base',
  'the convoy completed the planned route',
  'a vehicle was towed away from the scene',
  'two soldiers were evacuated by helicopter',
  'the route was shortened for security reasons',
  'protesters blocked the road with burning tyres',
  'the bridge was found to be mined',
];

export const PUBLISHERS = [
  'SouthFront',
  'SOFREP',
  'Anadolu Agency',
  'TASS',
  'RIA Novosti',
  'Al-Monitor',
  'Enab Baladi',
  'Syrian Observatory for Human Rights',
  'Daily Sabah',
  'Hurriyet Daily News',
  'RT',
  'Asharq Al-Awsat',
  'North Press Agency',
  'Interfax',
];

export const TAGS = [
  'ied', 'suicide-bombing', 'airstrike', 'shelling', 'ceasefire', 'sochi-memorandum', 'moscow-protocol',
  'human-shields', 'protest', 'roadblock', 'demining', 'convoy', 'route', 'casualties', 'damage',
  'drone', 'helicopter', 'training', 'coordination', 'checkpoint', 'observation-post', 'withdrawal',
  'humanitarian-aid', 'refugees', 'bridge', 'security-corridor', 'hts', 'nlf', 'syrian-army',
  'russian-military-police', 'turkish-army', 'statement', 'denial', 'numbering', 'first-patrol',
  'full-route', 'patrol-suspended', 'evacuation', 'mines', 'sniper',
];

const CONSONANTS = ['b', 'd', 'f', 'h', 'j', 'k', 'kh', 'l', 'm', 'n', 'q', 'r', 's', 'sh', 't', 'z', 'gh', 'w', 'y'];
const VOWELS = ['a', 'i', 'u', 'aa', 'ou', 'ee', 'ay', 'a', 'i', 'a'];

/** A pronounceable capitalised word of 2–3 syllables: "Kharoudi", "Zaybaan". */
export function pseudoWord(random: Random, syllables = random.int(2, 3)): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += random.pick(CONSONANTS) + random.pick(VOWELS);
  if (random.chance(0.6)) word += random.pick(CONSONANTS);
  return word.charAt(0).toUpperCase() + word.slice(1);
}
