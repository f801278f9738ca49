// The assessment report: one page for screen and paper. Printing (browser, Electron printToPDF,
// `gaitlab report` in headless Chromium) prints this route; it marks <html data-report-ready>
// once every chart and still is drawn.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReportView } from '../../../shared/api/report-types';
import type { TrialInfo } from '../../../shared/api/entities';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAsync } from '../use-async';
import { href } from '../router';
import { ReadyTracker } from '../report/report-ready';
import { loadPlotly } from '../report/StaticPlot';
import { reportHref, type ReportRouteParams } from '../../../shared/api/report-route';
import { ReportHeader } from '../report/ReportHeader';
import { SpatiotemporalTable } from '../report/SpatiotemporalTable';
import { KinematicCurves } from '../report/KinematicCurves';
import { GaitIndices } from '../report/GaitIndices';
import { VideoStills } from '../report/VideoStills';
import { Interpretation } from '../report/Interpretation';
import { Provenance, Warnings } from '../report/Provenance';
import '../report/report.css';

function ReportControls({ params, report }: { params: ReportRouteParams; report: ReportView | null }) {
  const patientSessions = useAsync(async () => {
    const s = await api['sessions.get']({ id: params.sessionId });
    return api['sessions.list']({ patientId: s.patientId });
  }, [params.sessionId]);
  const sets = useAsync(() => api['normative.list']({}), []);
  const trialsA = useAsync(() => api['trials.list']({ sessionId: params.sessionId }), [params.sessionId]);
  const trialsB = useAsync(
    () =>
      params.compareSessionId
        ? api['trials.list']({ sessionId: params.compareSessionId })
        : Promise.resolve([]),
    [params.compareSessionId],
  );
  const [pdfStatus, setPdfStatus] = useState('');
  async function savePdf(paper: 'a4' | 'letter') {
    setPdfStatus('Printing…');
    try {
      const r = await window.gaitlab!.printReportPdf!(paper);
      setPdfStatus(r.savedPath ? `Saved ${r.savedPath}` : '');
    } catch (e) {
      setPdfStatus(e instanceof Error ? e.message : String(e));
    }
  }
  const go = (p: ReportRouteParams) => {
    window.location.hash = reportHref(p);
  };
  return (
    <div className="report-controls no-print">
      <a href={href({ page: 'session', id: params.sessionId })}>← Session</a>
      <label>
        Compare with{' '}
        <select
          value={params.compareSessionId ?? ''}
          onChange={(e) => {
            const { compareSessionId: _c, compareTrialId: _t, ...rest } = params;
            go(e.target.value ? { ...rest, compareSessionId: e.target.value } : rest);
          }}
        >
          <option value="">No comparison (single session)</option>
          {(patientSessions.data ?? [])
            .filter((s) => s.id !== params.sessionId)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.date} · {s.condition}
              </option>
            ))}
        </select>
      </label>
      <label>
        Normal reference{' '}
        <select
          value={params.normativeSetId ?? 'auto'}
          onChange={(e) => go({ ...params, normativeSetId: e.target.value })}
        >
          <option value="auto">
            Automatic (age and walking speed)
            {report?.normativeSetId && (params.normativeSetId ?? 'auto') === 'auto'
              ? `: ${report.model.normativeReference?.name ?? ''}`
              : ''}
          </option>
          <option value="none">None</option>
          {(sets.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <TrialChoice
        label={params.compareSessionId ? 'Trials A' : 'Trials'}
        trials={trialsA.data ?? []}
        value={params.trialId}
        onChange={(trialId) => {
          const { trialId: _t, ...rest } = params;
          go(trialId ? { ...rest, trialId } : rest);
        }}
      />
      {params.compareSessionId && (
        <TrialChoice
          label="Trials B"
          trials={trialsB.data ?? []}
          value={params.compareTrialId}
          onChange={(compareTrialId) => {
            const { compareTrialId: _t, ...rest } = params;
            go(compareTrialId ? { ...rest, compareTrialId } : rest);
          }}
        />
      )}
      {window.gaitlab?.printReportPdf ? (
        <>
          <button type="button" className="primary" onClick={() => void savePdf('a4')}>
            Save PDF (A4)
          </button>
          <button type="button" onClick={() => void savePdf('letter')}>
            Save PDF (Letter)
          </button>
        </>
      ) : (
        <button type="button" className="primary" onClick={() => window.print()}>
          Print / PDF
        </button>
      )}
      <span role="status" className="muted">
        {pdfStatus}
      </span>
      <a href={href({ page: 'settings' })}>Lab settings and references</a>
    </div>
  );
}

/** All analysed trials of the session averaged cycle by cycle, or one of them. */
function TrialChoice(props: {
  label: string;
  trials: TrialInfo[];
  value: string | undefined;
  onChange: (trialId: string | undefined) => void;
}) {
  const analysed = props.trials.filter((t) => t.status === 'analysed');
  if (analysed.length < 2 && !props.value) return null;
  return (
    <label>
      {props.label}{' '}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)}>
        <option value="">All analysed trials ({analysed.length})</option>
        {analysed.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ReportPage({ params }: { params: ReportRouteParams }) {
  const tracker = useRef(new ReadyTracker()).current;
  const key = reportHref(params);
  const { data, error } = useAsync(() => {
    tracker.reset();
    return api['reports.get']({
      sessionId: params.sessionId,
      ...(params.compareSessionId ? { compareSessionId: params.compareSessionId } : {}),
      ...(params.normativeSetId ? { normativeSetId: params.normativeSetId } : {}),
      ...(params.trialId ? { trialId: params.trialId } : {}),
      ...(params.compareTrialId ? { compareTrialId: params.compareTrialId } : {}),
    });
  }, [key]);
  const begin = useMemo(() => (k: string) => tracker.begin(k), [tracker]);
  useEffect(() => {
    void loadPlotly().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (error) tracker.fail(error);
  }, [error, tracker]);
  // Children register their drawing work while rendering; by this (parent) effect all have.
  useEffect(() => {
    if (data) tracker.open();
  }, [data, tracker]);
  useEffect(() => {
    if (!data) return;
    const h = data.model.header;
    // The running header and footer printers put on every page (see pdf-page-templates.ts).
    document.documentElement.setAttribute(
      'data-report-running',
      JSON.stringify({
        labName: h.labName,
        patientName: h.patientName,
        hospitalId: h.hospitalId,
        sessions: h.sessions.map((s) => `${s.date} ${s.condition}`).join(' vs '),
      }),
    );
    const previous = document.title;
    document.title = `Gait report · ${data.model.header.patientName} · ${data.model.header.sessions.map((s) => s.date).join(' vs ')}`;
    return () => {
      document.title = previous;
      document.documentElement.removeAttribute('data-report-running');
    };
  }, [data]);

  if (error)
    return (
      <main className="report-main">
        {/* The controls stay, so another comparison or reference can be chosen. */}
        <ReportControls params={params} report={null} />
        <ErrorBanner message={error} />
      </main>
    );
  if (!data)
    return (
      <main className="report-main">
        <p className="muted">Preparing the report…</p>
      </main>
    );
  return (
    <main className="report-main">
      <ReportControls params={params} report={data} />
      <article className={`report report-${data.model.mode}`} data-testid="report">
        <div className="report-page-first">
          <ReportHeader model={data.model} lab={data.lab} />
          <Warnings warnings={data.model.warnings} />
          <SpatiotemporalTable model={data.model} />
        </div>
        <KinematicCurves key={`curves-${key}`} model={data.model} begin={begin} />
        <GaitIndices key={`indices-${key}`} model={data.model} begin={begin} />
        <VideoStills key={`stills-${key}`} report={data} begin={begin} />
        <div className="report-page-last">
          <Interpretation
            key={`interp-${key}`}
            report={data}
            sessionId={params.sessionId}
            {...(params.compareSessionId ? { compareSessionId: params.compareSessionId } : {})}
          />
          <Provenance report={data} />
        </div>
      </article>
    </main>
  );
}
