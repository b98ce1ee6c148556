//! `Get database parameter` / `SET DATABASE PARAMETER` selectors (the "Database Parameters"
//! theme, docs/commands-legacy/get-database-parameter.md) as a headless, dataless, single-user
//! run of a project sees them: the documented defaults, the facts of the run (a project, not a
//! server, not Windows), and what a `SET DATABASE PARAMETER` of this run stored.

/// A selector's value: a number (the command's result) or a text (given in its `stringValue`
/// parameter, the result then being 0).
#[derive(Clone, Debug, PartialEq)]
pub enum DbParam {
    Number(f64),
    Text(String),
}

/// How a selector behaves under `SET DATABASE PARAMETER`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A fact of the run that cannot be set (the call is ignored).
    ReadOnly,
    /// One value for every process of the run.
    Application,
    /// Each process has its own value (e.g. `Dates inside objects`).
    Process,
    /// Set for the next session only (`User param value`): reading still gives this run's.
    NextSession,
}

pub const USER_PARAM_VALUE: i32 = 108;

/// The default of `selector` in this run and its scope; `None` for an unknown selector.
pub fn default(selector: i32) -> Option<(DbParam, Scope)> {
    use DbParam::{Number as N, Text as T};
    use Scope::*;
    let n = |v: f64, s: Scope| Some((N(v), s));
    match selector {
        // Client/server and 4D Server settings: this run is neither (0, as a local 4D reads them).
        13 | 14 | 28 | 45 | 48 | 53 | 98 | 135 => n(0.0, Application),
        // Ports: the documented defaults (the web ones are obsolete: WEB GET OPTION).
        15 | 22 => n(80.0, Application),
        35 => n(19813.0, Application),
        39 | 40 => n(443.0, Application),
        88 => n(19812.0, Application),
        // Obsolete web settings (WEB GET OPTION) and the Windows-only Direct2D: not in use.
        17 | 18 | 24 | 25 | 27 | 30 | 50 | 51 | 69 | 74 => n(0.0, Application),
        31 => n(0.0, ReadOnly), // Table sequence number: there are no tables.
        34 | 79 | 110 | 116 | 119 | 121 | 131 => n(0.0, Application), // logs off
        111 => n(0.0, Process),
        80 => Some((T(String::new()), Application)), // Log command list
        86 => n(4.0, Application), // Diagnostic log level: Log info, the documented default
        43 => n(0.0, Application), // SQL Autocommit
        44 => n(1.0, Application), // SQL Engine case sensitivity
        46 | 47 | 49 => n(0.0, Process),
        54 => n(20.0, Application), // Idle connections timeout (seconds)
        55 => Some((T("127.0.0.1".to_string()), Application)),
        56 => n(8002.0, Application),
        64 => Some((T(String::new()), Application)), // SSL cipher list: the default one
        66 | 95 => n(0.0, Application),              // no database cache
        81 | 133 | 136 => n(0.0, Application),
        85 => n(2.0, Process),      // Dates inside objects: Date type
        87 => n(0.0, Application),  // ServerNet, not the legacy network layer
        90 => n(50.0, Application), // Circular log limitation
        92 => n(0.0, Application),  // Number of formulas in cache
        94 | 114 | 115 | 120 => Some((T(String::new()), ReadOnly)), // library versions
        101 => n(1.0, Application), // Tips enabled
        102 => n(45.0, Application), // Tips delay (ticks)
        103 => n(720.0, Application), // Tips duration (ticks)
        105 => n(4.0, Application), // Min TLS version: TLSv1_3, the documented default
        USER_PARAM_VALUE => Some((T(String::new()), NextSession)),
        109 => n(0.0, Application), // Times inside objects: Times in seconds
        112 | 113 | 117 => n(1.0, ReadOnly), // a project, writable
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_selector_of_the_theme_has_a_value() {
        let theme = [
            13, 14, 15, 17, 18, 22, 24, 25, 27, 28, 30, 31, 34, 35, 39, 40, 43, 44, 45, 46, 47, 48,
            49, 50, 51, 53, 54, 55, 56, 64, 66, 69, 74, 79, 80, 81, 85, 86, 88, 90, 92, 94, 95, 98,
            101, 102, 103, 105, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 119, 120, 121,
            131, 133, 135, 136,
        ];
        for s in theme {
            assert!(default(s).is_some(), "selector {s}");
        }
        assert!(default(0).is_none());
    }
}
