'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Symbols,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay } from '@/lib/dates';

export type ChartDay = { day: string; prescribed: number; completed: number; logged: number; rolling7: number | null };
export type ChartSession = {
  at: string;
  day: string;
  painBefore: number | null;
  painAfter: number | null;
  symptoms: string[];
};
export type ChartExercise = { name: string; prescribed: number; done: number; rate: number };

// Teal and orange stay distinct for the common colour-vision deficiencies, and every series also
// differs by pattern (solid, dashed, outlined, marker shape) so a black-and-white print reads.
const TEAL = '#1f6f66';
const ORANGE = '#b45309';
const GREY = '#d9e0de';
const INK = '#1c2526';

const dayLabel = (iso: string) => formatDay(iso, 'short');

// Above the plot, clear of the x-axis title; text in ink, since a pale series colour (the grey of
// "Prescribed") would fail contrast as legend text.
const legendProps = {
  verticalAlign: 'top' as const,
  height: 28,
  wrapperStyle: { fontSize: 12 },
  formatter: (value: string) => <span style={{ color: INK }}>{value}</span>,
};
const xTitle = (value: string) => ({ value, position: 'insideBottom' as const, offset: 0, fontSize: 11 });

/** A black triangle at the top of the pain scale for each session with symptoms (none elsewhere). */
function symptomMarker({ cx, cy, index }: { cx?: number | null; cy?: number | null; index?: number }) {
  if (cx == null || cy == null) return <g key={`symptom-${index}`} />;
  return (
    <Symbols key={`symptom-${index}`} className="symptom-marker" cx={cx} cy={cy} type="triangle" size={80} fill={INK} />
  );
}

function Figure({
  id,
  title,
  children,
  table,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  table: React.ReactNode;
}) {
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-line bg-white p-4"
      data-testid={`chart-${id}`}
    >
      <figcaption id={`${id}-title`} className="mb-2 text-base font-semibold">
        {title}
      </figcaption>
      <div className="h-64 w-full">{children}</div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">Show as a table</summary>
        <div className="mt-2 max-h-64 overflow-auto [&_td]:py-0.5 [&_td]:pr-4 [&_td:first-child]:whitespace-nowrap [&_th]:pr-4 [&_th]:font-medium">
          {table}
        </div>
      </details>
    </figure>
  );
}

export function PatientCharts({
  days,
  sessions,
  versionChanges,
  exercises,
}: {
  days: ChartDay[];
  sessions: ChartSession[];
  versionChanges: { day: string; label: string; reason: string }[];
  exercises: ChartExercise[];
}) {
  const daily = days.map((d) => ({
    ...d,
    label: dayLabel(d.day),
    rollingPct: d.rolling7 === null ? null : Math.round(d.rolling7 * 100),
  }));
  const pain = sessions.map((s, i) => ({
    ...s,
    index: i + 1,
    label: `${dayLabel(s.day)} #${i + 1}`,
    flag: s.symptoms.length ? 10 : null,
  }));
  const perExercise = exercises.map((e) => ({ ...e, pct: Math.round(e.rate * 100) }));
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Figure
        id="sessions"
        title="Sessions per day: prescribed and completed, with 7-day adherence"
        table={
          <table className="w-full text-left">
            <thead>
              <tr className="text-muted">
                <th scope="col">Day</th>
                <th scope="col">Prescribed</th>
                <th scope="col">Completed</th>
                <th scope="col">7-day adherence</th>
              </tr>
            </thead>
            <tbody>
              {daily.map((d) => (
                <tr key={d.day}>
                  <td>{d.label}</td>
                  <td>{d.prescribed}</td>
                  <td>{d.completed}</td>
                  <td>{d.rollingPct === null ? '—' : `${d.rollingPct} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={daily} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={GREY} strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              height={40}
              tick={{ fontSize: 11 }}
              interval="preserveStartEnd"
              label={xTitle('Day')}
            />
            <YAxis
              yAxisId="n"
              allowDecimals={false}
              tick={{ fontSize: 11 }}
              label={{ value: 'Sessions', angle: -90, position: 'insideLeft', fontSize: 11 }}
            />
            <YAxis
              yAxisId="pct"
              orientation="right"
              domain={[0, 100]}
              tick={{ fontSize: 11 }}
              unit="%"
              label={{ value: '7-day adherence', angle: 90, position: 'insideRight', fontSize: 11, dy: -10 }}
              width={64}
            />
            <Tooltip />
            <Legend {...legendProps} />
            <Bar yAxisId="n" dataKey="prescribed" name="Prescribed" fill={GREY} stroke={INK} strokeWidth={1} />
            <Bar yAxisId="n" dataKey="completed" name="Completed" fill={TEAL} />
            <Line
              yAxisId="pct"
              dataKey="rollingPct"
              name="7-day adherence (%)"
              stroke={ORANGE}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={false}
              connectNulls
            />
            {versionChanges.map((v) => (
              <ReferenceLine
                key={v.day + v.label}
                yAxisId="n"
                x={dayLabel(v.day)}
                stroke={INK}
                strokeDasharray="2 2"
                label={{ value: v.label, position: 'top', fontSize: 11 }}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </Figure>

      <Figure
        id="pain"
        title="Pain before and after each session (0–10), with reported symptoms"
        table={
          <table className="w-full text-left">
            <thead>
              <tr className="text-muted">
                <th scope="col">Session</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Symptoms</th>
              </tr>
            </thead>
            <tbody>
              {pain.map((s) => (
                <tr key={s.at}>
                  <td>{s.label}</td>
                  <td>{s.painBefore ?? 'not given'}</td>
                  <td>{s.painAfter ?? 'not given'}</td>
                  <td>{s.symptoms.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={pain} margin={{ top: 8, right: 48, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={GREY} strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              height={40}
              tick={{ fontSize: 11 }}
              interval="preserveStartEnd"
              label={xTitle('Session')}
            />
            <YAxis
              domain={[0, 10]}
              ticks={[0, 2, 4, 6, 8, 10]}
              tick={{ fontSize: 11 }}
              label={{ value: 'Pain', angle: -90, position: 'insideLeft', fontSize: 11 }}
            />
            {/* The symptom marker sits at the top of the scale; its tooltip names the symptoms, not that height. */}
            <Tooltip
              formatter={(value, name, item) =>
                item.dataKey === 'flag' ? [(item.payload as ChartSession).symptoms.join('; '), name] : [value, name]
              }
              wrapperStyle={{ maxWidth: 280, zIndex: 10 }}
              contentStyle={{ whiteSpace: 'normal' }}
            />
            <Legend {...legendProps} />
            <ReferenceLine
              y={7}
              stroke={ORANGE}
              strokeDasharray="4 4"
              label={{ value: 'Red flag', position: 'right', fontSize: 10, fill: ORANGE }}
            />
            <Line
              dataKey="painBefore"
              name="Before"
              stroke={ORANGE}
              strokeDasharray="5 3"
              strokeWidth={2}
              dot={{ r: 3, fill: '#fff' }}
            />
            <Line dataKey="painAfter" name="After" stroke={TEAL} strokeWidth={2} dot={{ r: 3, fill: TEAL }} />
            <Line
              dataKey="flag"
              name="Symptoms reported"
              stroke="none"
              legendType="triangle"
              dot={symptomMarker}
              activeDot={symptomMarker}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </Figure>

      <Figure
        id="exercises"
        title="Completion by exercise (% of prescribed sessions)"
        table={
          <table className="w-full text-left">
            <thead>
              <tr className="text-muted">
                <th scope="col">Exercise</th>
                <th scope="col">Done</th>
                <th scope="col">Prescribed</th>
              </tr>
            </thead>
            <tbody>
              {perExercise.map((e) => (
                <tr key={e.name}>
                  <td>{e.name}</td>
                  <td>{e.done}</td>
                  <td>{e.prescribed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={perExercise} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid stroke={GREY} strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              domain={[0, 100]}
              unit="%"
              height={40}
              tick={{ fontSize: 11 }}
              label={xTitle('Completed')}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={150}
              tick={{ fontSize: 11 }}
              label={{ value: 'Exercise', angle: -90, position: 'insideLeft', fontSize: 11 }}
            />
            <Tooltip />
            <Legend {...legendProps} />
            <Bar dataKey="pct" name="Completed (%)" fill={TEAL} stroke={INK} />
          </BarChart>
        </ResponsiveContainer>
      </Figure>
    </div>
  );
}
