/** Inline CSS for the HTML report: readable on screen, compact on paper, no external assets. */
export const REPORT_CSS = `
:root{--ink:#1d232a;--muted:#5b6570;--line:#d5dae0;--bg:#fff;--soft:#f4f6f8;--high:#9a1f1f;--medium:#8a5a00;--low:#35607a;--ok:#1f6f43}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);margin:0 auto;max-width:1100px;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}h3{font-size:1.05rem}
.note{background:var(--soft);border-left:4px solid var(--low);padding:.5rem .8rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:var(--soft)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.verdict{font-size:1.1rem;padding:.6rem .8rem;border-radius:6px;border:1px solid var(--line);background:var(--soft)}
.verdict.implied{border-left:6px dashed var(--medium)}.verdict.explicit{border-left:6px solid var(--ok)}
.verdict.not_reached{border-left:6px solid var(--low)}.verdict.insufficient_evidence{border-left:6px solid var(--muted)}
.sev{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;padding:0 .4rem;border-radius:3px;color:#fff}
.sev.high{background:var(--high)}.sev.medium{background:var(--medium)}.sev.low{background:var(--low)}
.gap{border:1px solid var(--line);border-radius:6px;padding:.2rem .9rem .6rem;margin:.8rem 0}
.cites{display:inline;font-size:.85rem}
details.cite{display:inline-block;max-width:100%;margin-right:.3rem}
details.cite>summary{display:inline;cursor:pointer;color:#24508f;list-style:none}
details.cite>summary::-webkit-details-marker{display:none}
details.cite[open]{display:block;margin:.2rem 0 .4rem 1rem}
details.cite blockquote{margin:.2rem 0;padding:.2rem .6rem;border-left:3px solid var(--line);background:var(--soft);white-space:pre-wrap}
.ocr{color:var(--medium);font-weight:600}
.failed{color:var(--high);font-weight:600}
ol.evidence blockquote{margin:.2rem 0 .6rem;padding:.2rem .6rem;border-left:3px solid var(--line);white-space:pre-wrap}
pre.letter{white-space:pre-wrap;background:var(--soft);border:1px solid var(--line);padding:.8rem;font-size:.88rem}
svg.timeline{border:1px solid var(--line);border-radius:6px;font:11px system-ui,sans-serif;max-width:100%;height:auto}
svg .lane-bg{fill:#fff}svg .lane-bg.odd{fill:#f7f8fa}svg .spark-bg{fill:#fbfbf7}
svg .lane-label{font-weight:600;fill:var(--ink)}svg .muted{fill:var(--muted)}
svg .bar{fill:#5b8fc7;stroke:#2f5f93}svg .bar.st-ongoing{fill:#3f7fbf}svg .bar.st-completed{fill:#7aa6d6}
svg .bar.st-discontinued{fill:#b8c4d0}svg .bar.st-declined,svg .bar.st-denied{fill:url(#hatch);stroke:#9a3b3b}
svg .bar.st-recommended,svg .bar.st-planned{fill:none;stroke-dasharray:4 3}svg .bar.st-unknown{fill:#c9d2dc}
svg line.ev{stroke:#123;stroke-width:1.5}svg .ev.declined path{stroke:#9a3b3b;stroke-width:2;fill:none}
svg polyline{fill:none;stroke:#8a5a00;stroke-width:2}svg circle{fill:#8a5a00}svg .val{fill:#8a5a00;font-weight:600}
svg .tick{stroke:#e3e6ea}svg .tick-label{fill:var(--muted)}
svg .mk line{stroke-width:2}svg .mk text{font-weight:700}
svg .mk.onset line{stroke:#555;stroke-dasharray:2 3}svg .mk.onset text{fill:#555}
svg .mk.dli line{stroke:#6a3d9a;stroke-dasharray:6 3}svg .mk.dli text{fill:#6a3d9a}
svg .mk.mmi-explicit line{stroke:var(--ok);stroke-width:3}svg .mk.mmi-explicit text{fill:var(--ok)}
svg .mk.mmi-implied line{stroke:var(--medium);stroke-dasharray:5 4}svg .mk.mmi-implied text{fill:var(--medium)}
.legend{font-size:.85rem;color:var(--muted)}
.print-only{display:none}
details.more{display:inline-block;font-size:.85rem}
details.more>summary{display:inline;cursor:pointer;color:#24508f;list-style:none;white-space:nowrap}
details.more>summary::-webkit-details-marker{display:none}
details.more[open]{display:block}
details.more[open]>summary{display:block}
a.ref{font-size:.72rem;vertical-align:super;margin-left:1px;color:#24508f;text-decoration:none}
.pair{display:block}
td.num{text-align:right;white-space:nowrap}.nowrap{white-space:nowrap}
.person{display:block}.person small{color:var(--muted)}
.pair{margin-bottom:.2rem}.pair .inst{display:block;font-size:.8rem;color:var(--muted)}
table.timeline-table td:nth-child(4){min-width:9.5rem}table.timeline-table td:last-child,table.floor-table td:last-child{min-width:15rem}
section.summary>ul{margin:.4rem 0;padding-left:1.2rem}section.summary li{margin:.25rem 0}section.summary ul ul{padding-left:1.1rem}
section.summary{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.1rem 1rem .5rem}
section.summary h2{margin-top:.8rem;border-bottom:0}
span.status{font-size:.8rem;font-weight:600;padding:0 .35rem;border-radius:3px;border:1px solid var(--line)}span.status.supported{color:#1d6b35}span.status.missing{color:#a11}span.status.partly{color:#8a5a00}
div.support{font-size:.9rem;color:var(--muted);margin:1em 0}div.evidence-line{margin:1em 0}
nav.toc{font-size:.9rem}nav.toc a{margin-right:.8rem}
button.toggle{font:inherit;font-size:.85rem;margin:.2rem 0}
footer{margin-top:2rem;border-top:1px solid var(--line);padding-top:.6rem;color:var(--muted);font-size:.9rem}
@media print{
  @page{size:auto;margin:15mm 12mm 16mm}
  body{max-width:none;padding:0;font-size:10pt;line-height:1.35}
  nav.toc,button.toggle{display:none}
  .print-only{display:inline}
  /* Folded citations print as their evidence numbers; full quotes are in Appendix B. */
  details.more>:not(summary){display:none}
  details.more>summary,details.cite>summary,a.ref{color:inherit}
  table{font-size:8.5pt;overflow-wrap:break-word}thead{display:table-header-group}
  table.timeline-table td,table.floor-table td{min-width:0!important}details.cite,details.more{display:inline}
  h2,h3,h4{break-after:avoid}
  tr,li,.gap,.verdict,dl.facts,figure,pre.letter{break-inside:avoid}
  /* The first page: header and summary together, compact, so a representative reads it on one sheet. */
  section.summary{font-size:8.6pt;line-height:1.25;padding:0;border:none;margin-top:4mm}
  section.summary ul{margin:1mm 0;padding-left:4.5mm}section.summary li{margin:.6mm 0}
  section.summary h2{margin:0 0 1mm}
  /* A long summary item (the gaps) may run on rather than leave half the sheet blank; citations keep the text size. */
  section.summary>ul>li{break-inside:auto}
  section.summary .cites{font-size:.92em}
  header dl.facts{margin:1mm 0}header p.note{margin:1mm 0;padding:1mm 3mm}h1{margin:0 0 2mm;font-size:16pt}
  /* Quotes stay in the body and Appendix B; the summary prints exhibit/page and evidence number only. */
  section.summary details.cite .q{display:none}
  ol.evidence li{break-inside:avoid}
  svg.timeline{break-inside:avoid;width:100%}
  .letter-wrap,#evidence{break-before:page}
  section.summary{background:none}
  a{color:inherit;text-decoration:none}
  .gap a[href^="http"]::after{content:" <" attr(href) ">";font-size:8pt;word-break:break-all}
}
`;

/** Wires the expand-all button (screen only): opens every citation, including the folded ones. */
export const REPORT_SCRIPT = `
(function(){
  var b=document.getElementById('toggle-quotes');
  if(!b)return;
  b.hidden=false;
  b.addEventListener('click',function(){
    var o=b.getAttribute('aria-pressed')!=='true';
    document.querySelectorAll('details.cite,details.more').forEach(function(d){d.open=o;});
    b.setAttribute('aria-pressed',String(o));b.textContent=o?'Hide all quotes':'Show all quotes';
  });
})();
`;
