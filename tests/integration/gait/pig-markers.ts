// Plug-in Gait's lower-body skin markers: what a capture holds before any model has run (no joint
// centres), shared by the tests that take a Plug-in Gait walk back to its raw markers.
export const PIG_SKIN_MARKERS = [
  'LASI',
  'RASI',
  'LPSI',
  'RPSI',
  'SACR',
  'LKNE',
  'RKNE',
  'LANK',
  'RANK',
  'LHEE',
  'RHEE',
  'LTOE',
  'RTOE',
];
