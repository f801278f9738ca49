// Public surface of the pure report model: normative sets, their importers, gait indices and
// the printable report data.
export * from './gait-variables';
export * from './spatiotemporal-parameters';
export * from './normative-set';
export * from './normative-import-error';
export * from './tidy-normative-csv';
export * from './pycgm2-normative';
export * from './gcd-reader';
export * from './speed-band';
export * from './spatiotemporal-normals';
export * from './source-variable-names';
export * from './lab-normative-set';
export * from './gait-indices';
export * from './patient-age';
export * from './report-input';
export * from './report-model';
