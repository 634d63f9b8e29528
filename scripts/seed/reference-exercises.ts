import type { BuiltinExercise } from '@/lib/exercises/types';
import type { ContraindicationCode } from '@/lib/screening/contraindications';
// The lists per kind live with the screening rules, so the custom-exercise form starts from the same ones.
import {
  ABSOLUTE_CODES as ABSOLUTE,
  JOINT_MOBILITY_RELATIVE,
  SOFT_TISSUE_RELATIVE,
} from '@/lib/screening/kind-contraindications';

/**
 * The built-in thoracic foam-roller library. Facts and dose ranges come from the clinical
 * reference (shared/reference/clinical.md); all wording here is our own.
 *
 * Contraindications: every exercise carries all nine absolute codes. Relative codes are added
 * where they apply:
 * - osteopenia: all of them, because every exercise puts body weight through the spine over a
 *   roller. It matters most for the segmental and elbows-open mobilizations, which add flexion
 *   and small rotations under load; supported extension is the preferred option.
 * - pregnancy: all of them (every one is done lying on the back).
 * - anticoagulants, skin_over_area: all of them (rolling or sustained pressure on the back).
 * - recent_spinal_surgery: all of them (pressure and movement over the spine).
 * - inflammatory_arthritis: the joint-mobility exercises.
 * - hypermobility: the joint-mobility exercises that take the spine towards end range
 *   (not the supported variant, which uses a small range and short holds).
 */

const SUPPORTED_RELATIVE: ContraindicationCode[] = JOINT_MOBILITY_RELATIVE.filter((c) => c !== 'hypermobility');

const WEEKDAYS: BuiltinExercise['defaultDose']['daysOfWeek'] = [1, 2, 3, 4, 5];
const EVERY_DAY: BuiltinExercise['defaultDose']['daysOfWeek'] = [1, 2, 3, 4, 5, 6, 7];

export const BUILTIN_EXERCISES: BuiltinExercise[] = [
  {
    slug: 'upper-back-roll-bridge',
    name: 'Upper-back roll in a low bridge',
    kind: 'soft_tissue',
    equipment: 'standard_roller',
    summary: 'Eases tight muscles around your shoulder blades by slowly rolling your upper back over a foam roller.',
    steps: [
      'Sit on the floor with the foam roller lying crosswise behind you, then lean back so it rests under your shoulder blades.',
      'Bend your knees and plant your feet on the floor, about hip-width apart. Let your arms rest by your sides with your hands lightly on the floor.',
      'Tighten your stomach muscles and press through your feet to raise your hips a little way, into a low bridge.',
      'Push gently with your legs so the roller travels slowly from just below your neck down to the middle of your back, then back up again.',
      'When you come to a sore or tight spot, stop there and let your weight settle onto it for a few slow breaths before moving on.',
      'When the time is up, lower your hips to the floor and roll onto your side to get up.',
    ],
    cues: [
      'Breathe slowly and steadily; breathe out as you roll onto a tight spot.',
      'Keep your stomach firm and your buttocks lightly squeezed so your lower back stays level.',
      'Go slowly, about the speed of a calm breath, rather than rolling quickly back and forth.',
    ],
    safetyNotes: [
      'Keep the roller on your upper back, between the base of your neck and the bottom of your ribs. Do not roll your neck or your lower back.',
      'Some tenderness is normal, but stop if the pain becomes strong, sharp or shoots anywhere.',
      'Do not roll over broken, bruised or irritated skin.',
      'If your hands or arms tingle or go numb, stop and let your therapist know.',
    ],
    illustration: 'upper-back-roll-bridge',
    timing: 'roll',
    repsUnit: 'reps',
    defaultDose: { sessionsPerDay: 1, daysOfWeek: [...WEEKDAYS], holdSeconds: 60, reps: 3, sets: 2 },
    limits: {
      holdSeconds: { min: 30, max: 120 },
      reps: { min: 1, max: 10 },
      sets: { min: 1, max: 3 },
      sessionsPerDay: { min: 1, max: 3 },
    },
    contraindications: [...ABSOLUTE, ...SOFT_TISSUE_RELATIVE],
    easier: null,
    harder: 'upper-back-roll-arms-crossed',
  },
  {
    slug: 'upper-back-roll-arms-crossed',
    name: 'Upper-back roll with arms crossed',
    kind: 'soft_tissue',
    equipment: 'standard_roller',
    summary:
      'A firmer upper-back roll in which crossing your arms spreads your shoulder blades so the roller reaches the muscles between them.',
    steps: [
      'Lie on your back over the foam roller so it crosses your upper back. Bend your knees and plant your feet.',
      'Cross your arms over your chest and hold the opposite shoulders. Draw your elbows towards each other so your shoulder blades slide apart.',
      'Tighten your stomach, squeeze your buttocks gently and lift your hips into a low bridge.',
      'Use your legs to roll slowly from just below your neck down to the middle of your back, and back up.',
      'Pause on any tight spot and breathe out slowly, letting the area soften before you carry on.',
      'To finish, lower your hips to the floor first, then uncross your arms and roll onto your side to get up.',
    ],
    cues: [
      'Keep your elbows pulled together the whole time so your shoulder blades stay spread apart.',
      'Breathe out as you roll onto a tight spot; never hold your breath.',
      'Keep your stomach firm so your lower back does not sag.',
    ],
    safetyNotes: [
      'Stay on your upper back: start below the base of your neck and stop at the bottom of your ribs. Leave your neck and lower back alone.',
      'With your arms crossed you have less support, so move slowly and lower your hips if you feel unsteady.',
      'Stop if the pain becomes strong, sharp or shooting.',
      'Do not roll over broken, bruised or irritated skin.',
    ],
    illustration: 'upper-back-roll-arms-crossed',
    timing: 'roll',
    repsUnit: 'reps',
    defaultDose: { sessionsPerDay: 1, daysOfWeek: [...WEEKDAYS], holdSeconds: 60, reps: 3, sets: 2 },
    limits: {
      holdSeconds: { min: 30, max: 120 },
      reps: { min: 1, max: 10 },
      sets: { min: 1, max: 3 },
      sessionsPerDay: { min: 1, max: 3 },
    },
    contraindications: [...ABSOLUTE, ...SOFT_TISSUE_RELATIVE],
    easier: 'upper-back-roll-bridge',
    harder: null,
  },
  {
    slug: 'thoracic-extension',
    name: 'Upper-back extension over the roller',
    kind: 'joint_mobility',
    equipment: 'standard_roller',
    summary:
      'Helps a stiff, rounded upper back bend backwards by relaxing it over a foam roller at a few levels of the rib cage.',
    steps: [
      'Sit on the floor with your knees bent, feet flat, and the foam roller lying crosswise on the floor just behind you.',
      'Lean back until the roller touches your upper back, then lace your fingers together to cradle the back of your head.',
      'Leave your bottom resting on the floor and let your upper back ease backwards over the roller, as if your head were heading for the floor behind you.',
      'Stay there, breathing slowly, for the time shown. Then use your hands and stomach muscles to bring yourself slowly back up.',
      'Move the roller a little further down your rib cage and repeat. Each new position counts as one rep.',
    ],
    cues: [
      'Breathe out slowly as you ease back and let each breath out help you relax a little further.',
      'Let your hands hold the full weight of your head so your neck can stay relaxed.',
      'Keep your elbows pointing forwards, close to each other.',
    ],
    safetyNotes: [
      'Only use the roller between the top and the bottom of your rib cage. Keep it away from your neck and your lower back.',
      'This can feel strong at first, so begin with short holds. Stop if the pain is sharp or shooting.',
      'If your hands or arms tingle, bring your elbows closer together; if it carries on, stop and use the supported version instead.',
      'Ease into the position; do not bounce or force your back down.',
    ],
    illustration: 'thoracic-extension',
    timing: 'hold',
    repsUnit: 'reps',
    defaultDose: { sessionsPerDay: 1, daysOfWeek: [...WEEKDAYS], holdSeconds: 30, reps: 3, sets: 1 },
    limits: {
      holdSeconds: { min: 30, max: 300 },
      reps: { min: 1, max: 6 },
      sets: { min: 1, max: 3 },
      sessionsPerDay: { min: 1, max: 3 },
    },
    contraindications: [...ABSOLUTE, ...JOINT_MOBILITY_RELATIVE],
    easier: 'supported-mobilization',
    harder: 'segmental-mobilization',
  },
  {
    slug: 'segmental-mobilization',
    name: 'Segmental mobilization on a firm roller',
    kind: 'joint_mobility',
    equipment: 'hard_core_roller',
    summary:
      'Loosens the stiff joints of your upper back one by one with small, gentle movements over a hard-core roller.',
    steps: [
      'Lie back with the hard-core roller across your back just below the base of your neck. Bend your knees and plant your soles on the floor.',
      'Link your fingers behind your neck to support it and bring your elbows in towards each other in front of your face.',
      'Tighten your stomach and raise your hips slightly so your weight rests on the roller.',
      'Make small, slow movements: curl forwards a little, ease back over the roller, and tip slightly to each side.',
      'When you find a stiff spot, stay on it for the number of slow breaths shown, keeping the small movements going.',
      'Shift the roller down by about the width of one joint and repeat, working down to the bottom of your rib cage.',
      'To finish, lower your hips to the floor and roll onto your side to get up.',
    ],
    cues: [
      'Breathe slowly and aim each breath at the stiff spot; let it soften as you breathe out.',
      'Keep your stomach braced while your hips are off the floor so your lower back is not strained.',
      'Keep your elbows close together in front of your face.',
    ],
    safetyNotes: [
      'Stay on your upper back. To find where your lower back begins, reach a hand behind you, palm out, with your little finger on your belt line and your thumb stretched up your spine. Everything between finger and thumb counts as lower back, so keep the roller above your thumb, and off your neck.',
      'Move gently. Do not bounce or push hard into a joint.',
      'If your hands or fingers tingle, bring your elbows closer together. If that does not settle it, switch to the supported version.',
      'Stop if you feel sharp or shooting pain.',
    ],
    illustration: 'segmental-mobilization',
    timing: 'hold',
    repsUnit: 'breaths',
    defaultDose: { sessionsPerDay: 1, daysOfWeek: [...EVERY_DAY], holdSeconds: 30, reps: 5, sets: 1 },
    limits: {
      holdSeconds: { min: 10, max: 60 },
      reps: { min: 3, max: 8 },
      sets: { min: 1, max: 3 },
      sessionsPerDay: { min: 1, max: 4 },
    },
    contraindications: [...ABSOLUTE, ...JOINT_MOBILITY_RELATIVE],
    easier: 'supported-mobilization',
    harder: 'elbows-open-mobilization',
  },
  {
    slug: 'supported-mobilization',
    name: 'Supported upper-back mobilization',
    kind: 'joint_mobility',
    equipment: 'standard_roller',
    summary:
      'A gentler upper-back mobilization with your hips down and your head resting in your hands, for when the standard version is too strong.',
    steps: [
      'Sit on the floor, knees bent, with the foam roller behind you, then lean back so it lies across your upper back.',
      'Keep your hips and feet on the floor the whole time.',
      'Rest your head in your linked hands, or on a folded towel if holding your head is tiring.',
      'Let your upper back relax a little way back over the roller, only as far as feels comfortable.',
      'Breathe slowly for the number of breaths shown, then bring your head and shoulders back up.',
      'Move the roller a little lower and repeat at a few places, staying above the bottom of your ribs.',
    ],
    cues: [
      'Small, easy movements are enough; you should feel a mild stretch, not strain.',
      'Breathe out slowly as you relax back over the roller.',
      'Keep your elbows in, pointing up towards the ceiling.',
    ],
    safetyNotes: [
      'Keep to your upper back; do not put the roller under your neck or your lower back.',
      'If your hands still tingle with your elbows in, stop and tell your therapist.',
      'Stop if the pain is sharp or shooting.',
      'Do not bounce or push further than is comfortable.',
    ],
    illustration: 'supported-mobilization',
    timing: 'hold',
    repsUnit: 'breaths',
    defaultDose: { sessionsPerDay: 1, daysOfWeek: [...EVERY_DAY], holdSeconds: 20, reps: 4, sets: 1 },
    limits: {
      holdSeconds: { min: 10, max: 60 },
      reps: { min: 3, max: 8 },
      sets: { min: 1, max: 3 },
      sessionsPerDay: { min: 1, max: 4 },
    },
    contraindications: [...ABSOLUTE, ...SUPPORTED_RELATIVE],
    easier: null,
    harder: 'segmental-mobilization',
  },
  {
    slug: 'elbows-open-mobilization',
    name: 'Open-elbow mobilization on a firm roller',
    kind: 'joint_mobility',
    equipment: 'hard_core_roller',
    summary:
      'A stronger segmental mobilization in which opening your elbows adds pressure on the roller and stretches the front of your chest.',
    steps: [
      'Set up as for the segmental mobilization: hard-core roller just below your neck, knees bent, soles on the floor and fingers linked behind your neck.',
      'Let your elbows fall open wide to the sides until you feel a stretch across your chest.',
      'Tighten your stomach and raise your hips slightly off the floor.',
      'Move gently: curl forwards a little, ease back over the roller and tip slightly to each side.',
      'On each stiff spot, stay for the number of slow breaths shown.',
      'Move the roller down one joint at a time to the bottom of your rib cage, then lower your hips and roll onto your side to get up.',
    ],
    cues: [
      'Let your elbows sink open rather than pulling them back hard.',
      'Breathe slowly into the stiff spot and relax as you breathe out.',
      'Keep your stomach braced while your hips are lifted.',
    ],
    safetyNotes: [
      'If your hands or arms tingle, bring your elbows in until it stops. If it does not stop, go back to the segmental version.',
      'Stay on your upper back, below your neck and above your lower back.',
      'Stop if you feel sharp or shooting pain, or pain in your chest.',
      'Move gently. Do not bounce or force the stretch.',
    ],
    illustration: 'elbows-open-mobilization',
    timing: 'hold',
    repsUnit: 'breaths',
    defaultDose: { sessionsPerDay: 1, daysOfWeek: [...WEEKDAYS], holdSeconds: 30, reps: 5, sets: 1 },
    limits: {
      holdSeconds: { min: 10, max: 60 },
      reps: { min: 3, max: 8 },
      sets: { min: 1, max: 3 },
      sessionsPerDay: { min: 1, max: 3 },
    },
    contraindications: [...ABSOLUTE, ...JOINT_MOBILITY_RELATIVE],
    easier: 'segmental-mobilization',
    harder: null,
  },
];

export const BUILTIN_EXERCISE_SLUGS = BUILTIN_EXERCISES.map((e) => e.slug);
