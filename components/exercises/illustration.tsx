import type * as React from 'react';
import { type IllustrationKey, isIllustrationKey } from '@/lib/exercises/illustrations';

/**
 * Simple original side-view line drawings for the built-in exercises.
 * Black strokes on white (currentColor), readable when printed. The person lies on
 * their back with the head on the left and the feet on the right; the floor is at y = 164.
 */

const FLOOR_Y = 164;
const ROLLER_R = 15;

function Floor() {
  return <line x1={12} y1={FLOOR_Y} x2={272} y2={FLOOR_Y} />;
}

/** Roller lying on the floor, seen end-on. A hard-core roller shows its inner core. */
function Roller({ cx, hard = false }: { cx: number; hard?: boolean }) {
  const cy = FLOOR_Y - ROLLER_R;
  return (
    <g>
      <circle cx={cx} cy={cy} r={ROLLER_R} strokeWidth={2.5} />
      {hard ? <circle cx={cx} cy={cy} r={6} strokeWidth={2.5} /> : null}
    </g>
  );
}

/** Bent leg from the hip: thigh up to the knee, shin down to the floor, flat foot. */
function Leg({ hip, knee, ankleX }: { hip: [number, number]; knee: [number, number]; ankleX: number }) {
  const ankleY = FLOOR_Y - 3;
  return <polyline points={`${hip.join(',')} ${knee.join(',')} ${ankleX},${ankleY} ${ankleX + 14},${ankleY}`} />;
}

/** A limb in front of the roller: a white halo breaks the roller's outline behind it. Draw it before the body. */
function FrontLimb({ points }: { points: string }) {
  return (
    <g>
      <polyline points={points} stroke="#fff" strokeWidth={9} />
      <polyline points={points} />
    </g>
  );
}

/** Arrowhead at (x, y) pointing along angle (degrees, SVG coordinates). */
function ArrowHead({ x, y, angle }: { x: number; y: number; angle: number }) {
  const a = (angle * Math.PI) / 180;
  const s = 7;
  const p = (d: number) => `${(x - s * Math.cos(a + d)).toFixed(1)},${(y - s * Math.sin(a + d)).toFixed(1)}`;
  return <polyline points={`${p(0.5)} ${x},${y} ${p(-0.5)}`} />;
}

const angleOf = (from: [number, number], to: [number, number]) =>
  (Math.atan2(to[1] - from[1], to[0] - from[0]) * 180) / Math.PI;

/** Thin movement arrow, straight or curved (through a control point), with one or two heads. */
function Arrow({
  from,
  to,
  via,
  both = false,
}: {
  from: [number, number];
  to: [number, number];
  via?: [number, number];
  both?: boolean;
}) {
  const d = via ? `M${from.join(',')} Q${via.join(',')} ${to.join(',')}` : `M${from.join(',')} L${to.join(',')}`;
  const endDir = angleOf(via ?? from, to);
  const startDir = angleOf(via ?? to, from);
  return (
    <g strokeWidth={2}>
      <path d={d} />
      <ArrowHead x={to[0]} y={to[1]} angle={endDir} />
      {both ? <ArrowHead x={from[0]} y={from[1]} angle={startDir} /> : null}
    </g>
  );
}

function RollBridge() {
  return (
    <>
      <Roller cx={92} />
      <FrontLimb points="76,131 136,157" />
      <circle cx={50} cy={120} r={13} />
      <path d="M62,125 L74,130 Q92,136 112,131 L166,115" />
      <Leg hip={[166, 115]} knee={[226, 86]} ankleX={250} />
      <Arrow from={[96, 104]} to={[150, 89]} both />
    </>
  );
}

function RollArmsCrossed() {
  return (
    <>
      <Roller cx={92} />
      <circle cx={50} cy={120} r={13} />
      <path d="M62,125 L74,130 Q92,136 112,131 L166,115" />
      <Leg hip={[166, 115]} knee={[226, 86]} ankleX={250} />
      <polyline points="76,130 104,102 78,112" />
      <Arrow from={[120, 104]} to={[174, 89]} both />
    </>
  );
}

function Extension() {
  return (
    <>
      <Roller cx={112} />
      <circle cx={46} cy={146} r={13} />
      <path d="M59,146 L68,145 C82,136 98,133.5 112,133.5 C130,134 146,152 166,159" />
      <Leg hip={[166, 159]} knee={[214, 104]} ankleX={246} />
      <polyline points="70,144 86,108 44,124 33,141" />
      <Arrow from={[104, 92]} to={[40, 116]} via={[62, 80]} />
    </>
  );
}

/** Body for the two hard-roller mobilizations: roller just below the neck, hips slightly up. */
function SegmentalBody() {
  return (
    <>
      <Roller cx={92} hard />
      <circle cx={48} cy={120} r={13} />
      <path d="M60,125 L74,131 Q92,136 112,133 L168,146" />
      <Leg hip={[168, 146]} knee={[220, 98]} ankleX={246} />
    </>
  );
}

function Segmental() {
  return (
    <>
      <SegmentalBody />
      <polyline points="76,131 86,96 63,127" />
      {[122, 134, 146].map((x) => {
        const y = 133 + (x - 112) * 0.232;
        return <line key={x} x1={x + 1} y1={y - 5} x2={x - 1} y2={y + 5} strokeWidth={2} />;
      })}
      <Arrow from={[108, 114]} to={[156, 125]} />
    </>
  );
}

function Supported() {
  return (
    <>
      <Roller cx={110} />
      <path d="M34,164 L34,153 L70,153 L70,164 M34,158.5 L70,158.5" strokeWidth={2} />
      <circle cx={52} cy={139} r={13} />
      <path d="M64,141 L72,141 C84,136 98,134 110,134 C128,134 146,152 166,159" />
      <Leg hip={[166, 159]} knee={[214, 104]} ankleX={246} />
      <polyline points="74,140 74,104 50,116 39,136" />
      <Arrow from={[100, 100]} to={[82, 104]} via={[92, 94]} />
    </>
  );
}

function ElbowsOpen() {
  return (
    <>
      <SegmentalBody />
      <polyline points="76,131 86,96 63,127" strokeDasharray="4 6" strokeWidth={2} />
      <polyline points="76,131 38,148 63,127" />
      <Arrow from={[80, 88]} to={[26, 134]} via={[20, 78]} />
    </>
  );
}

const DRAWINGS: Record<IllustrationKey, () => React.ReactElement> = {
  'upper-back-roll-bridge': RollBridge,
  'upper-back-roll-arms-crossed': RollArmsCrossed,
  'thoracic-extension': Extension,
  'segmental-mobilization': Segmental,
  'supported-mobilization': Supported,
  'elbows-open-mobilization': ElbowsOpen,
};

export function ExerciseIllustration({ name, title, className }: { name: string; title: string; className?: string }) {
  if (!isIllustrationKey(name)) return null;
  const Drawing = DRAWINGS[name];
  return (
    <svg viewBox="0 0 320 180" role="img" aria-label={title} className={className} xmlns="http://www.w3.org/2000/svg">
      <title>{title}</title>
      {/* Drawn on a 0..270 x 60..164 canvas, then scaled up 1.2x to fill the frame; strokes end up ~3 units wide. */}
      <g
        transform="translate(-11.6 -28.8) scale(1.2)"
        fill="none"
        stroke="currentColor"
        strokeWidth={2.5}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <Floor />
        <Drawing />
      </g>
    </svg>
  );
}
