// Versioned schema: PRAGMA user_version counts the migrations applied. Append only; never edit a
// released migration, since labs upgrade in place.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE patient (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) > 0),
    hospital_id TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT,
    sex TEXT NOT NULL DEFAULT 'unknown',
    diagnosis TEXT NOT NULL DEFAULT '',
    gmfcs_level INTEGER CHECK (gmfcs_level IS NULL OR gmfcs_level BETWEEN 1 AND 5),
    affected_side TEXT NOT NULL DEFAULT 'unknown',
    height_m REAL CHECK (height_m IS NULL OR height_m BETWEEN 0.4 AND 2.5),
    leg_length_m REAL,
    mass_kg REAL,
    notes TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX patient_name ON patient(name COLLATE NOCASE);
  CREATE TABLE session (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient(id),
    date TEXT NOT NULL,
    condition TEXT NOT NULL,
    examiner TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX session_patient ON session(patient_id, date);
  CREATE TABLE trial (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES session(id),
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'empty',
    status_message TEXT NOT NULL DEFAULT '',
    cameras_json TEXT NOT NULL DEFAULT '[]',
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX trial_session ON trial(session_id);
  CREATE TABLE trial_file (
    trial_id TEXT NOT NULL REFERENCES trial(id),
    camera TEXT NOT NULL,
    relative_path TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (trial_id, relative_path)
  );
  `,
  // 2: one analysis per trial camera. The pose track and the full result live as files in the
  // trial folder; the row holds what lists and reports need, plus hand edits (events, excluded
  // cycles) so a re-run from them is reproducible.
  `
  CREATE TABLE analysis (
    trial_id TEXT NOT NULL REFERENCES trial(id),
    camera TEXT NOT NULL,
    status TEXT NOT NULL,
    status_message TEXT NOT NULL DEFAULT '',
    pose_dir TEXT,
    result_path TEXT,
    summary_json TEXT,
    settings_json TEXT NOT NULL DEFAULT '{}',
    edited_events_json TEXT,
    excluded_cycles_json TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (trial_id, camera)
  );
  `,
  // 3: the lab's camera set-up (one per lab) and the sync quality report of each recorded or
  // imported trial (offsets, drops, durations), kept as JSON beside the trial row.
  `
  CREATE TABLE capture_setup (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    setup_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE capture_report (
    trial_id TEXT PRIMARY KEY REFERENCES trial(id),
    report_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // 4: reports. Lab settings printed in every report header (one row), the lab's normative
  // reference sets (the whole set as JSON: curves are read together, never queried by point), and
  // the clinician's interpretation per report (a session, or a pair of sessions compared).
  `
  CREATE TABLE lab_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    settings_json TEXT NOT NULL,
    logo_relative_path TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE normative_set (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    origin TEXT NOT NULL,
    format TEXT NOT NULL,
    group_name TEXT,
    set_json TEXT NOT NULL,
    archived_at TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE report_note (
    session_id TEXT NOT NULL REFERENCES session(id),
    compare_session_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    clinician_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (session_id, compare_session_id)
  );
  `,
  // 5: which process analyses a trial, renewed while it works. Every GaitLab process opening the
  // lab (a command beside the app) took a running analysis for one a crash had left, marked it
  // interrupted and let a second analysis of the same trial write into the same pose folder.
  `
  CREATE TABLE analysis_lease (
    trial_id TEXT PRIMARY KEY REFERENCES trial(id),
    owner TEXT NOT NULL,
    renewed_at INTEGER NOT NULL
  );
  `,
];
