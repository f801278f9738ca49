// plotly's partial bundle with scatter and bar traces only (what reports draw): a quarter of the
// full bundle, so a printed report is ready sooner. Same API as plotly.js.
declare module 'plotly.js-basic-dist-min' {
  import * as Plotly from 'plotly.js';
  export default Plotly;
}
