//! The clinician report's print style: A4, one column, readable in black and white.

pub(super) const STYLE: &str = r#"
  body { font-family: "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 186mm; margin: 0 auto; padding: 6mm; font-size: 10pt; }
  h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 12.5pt; border-bottom: 1px solid #999; margin: 5mm 0 2mm; }
  h3 { font-size: 11pt; margin: 4mm 0 1mm; }
  p { margin: 1mm 0 2mm; }
  table { border-collapse: collapse; width: 100%; break-inside: avoid; page-break-inside: avoid; }
  th, td { border-bottom: 1px solid #ddd; padding: 0.8mm 2mm; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; }
  .meta td { border: none; padding: 0 3mm 0 0; }
  .chart { width: 100%; height: auto; break-inside: avoid; page-break-inside: avoid; display: block; }
  .warn { border-left: 3px solid #b25d00; padding-left: 2mm; }
  .keep { break-inside: avoid; page-break-inside: avoid; }
  .empty { border: 1px solid #999; padding: 4mm; }
  .defs { font-size: 8.5pt; color: #333; }
  .date { white-space: nowrap; }
  li { break-inside: avoid; }
  .detail { break-before: page; page-break-before: always; }
  @page { margin: 12mm; }
  @media print { h2, h3 { break-after: avoid; page-break-after: avoid; } }
.unreadable { border: 3px solid #d55e00; padding: 6px 12px; margin: 8px 0; }
"#;
