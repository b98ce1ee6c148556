//! 4D projects on disk (`NAME/Project/NAME.4DProject`, `Project/Sources/Methods/*.4dm`) and
//! `mini4d run PROJECT`: `On Startup`, the startup method, `On Exit`, as 4D runs them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::run::{convert_args, RunArgs, EXIT_RUNTIME_ERROR, EXIT_USAGE};
use crate::embed::Runtime;
use crate::interp::report;
use crate::runtime::Value;

/// Where a project's code is.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The project's name (the `.4DProject` file's stem, or the folder's name).
    pub name: String,
    /// The folder of the project methods.
    pub methods: PathBuf,
    /// `Project/Sources/DatabaseMethods`, for a real project; `None` for a plain folder of methods.
    pub database_methods: Option<PathBuf>,
}

fn is_project_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("4DProject"))
}

/// The `.4DProject` file in `dir`, if there is one.
fn project_file_in(dir: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_project_file(p))
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The layout of the project at `path`: a `.4DProject` file, the `Project` folder holding one, or
/// the project's root folder (holding `Project/`). `None` when `path` is none of these.
pub fn find_project(path: &Path) -> Option<Layout> {
    let (project_dir, file) = if path.is_file() && is_project_file(path) {
        (path.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from(".")), path.into())
    } else if path.is_dir() {
        if let Some(f) = project_file_in(&path.join("Project")) {
            (path.join("Project"), f)
        } else if let Some(f) = project_file_in(path) {
            (path.to_path_buf(), f)
        } else {
            return None;
        }
    } else {
        return None;
    };
    let project_dir =
        if project_dir.as_os_str().is_empty() { PathBuf::from(".") } else { project_dir };
    let name = file.file_stem().and_then(|s| s.to_str()).unwrap_or("project").to_string();
    let sources = project_dir.join("Sources");
    Some(Layout {
        name,
        methods: sources.join("Methods"),
        database_methods: Some(sources.join("DatabaseMethods")),
    })
}

impl Layout {
    /// The permission gate of a run of this project (its root and `Project` folder) or folder.
    pub fn gate(
        &self,
        flags: &super::permissions::PermissionFlags,
    ) -> std::sync::Arc<crate::permissions::Gate> {
        let gate = match &self.database_methods {
            // …/Project/Sources/DatabaseMethods
            Some(db) => {
                let project = db.parent().and_then(Path::parent);
                let root = project.and_then(Path::parent);
                flags.gate(root.or(Some(self.methods.as_path())), project)
            }
            None => flags.gate(Some(&self.methods), None),
        };
        std::sync::Arc::new(gate)
    }
}

/// A project, or else a plain folder whose `.4dm` files are the methods.
pub fn project_or_folder(path: &Path) -> Option<Layout> {
    find_project(path).or_else(|| {
        path.is_dir().then(|| Layout {
            name: path
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "methods".to_string()),
            methods: path.to_path_buf(),
            database_methods: None,
        })
    })
}

/// How a value is shown on the command line: texts as they are, numbers and booleans as
/// `String` writes them, dates and times in their default format, objects and collections as JSON.
pub fn display_value(v: &Value) -> String {
    use crate::runtime::format;
    match v {
        Value::Undefined => "undefined".to_string(),
        Value::Null => "null".to_string(),
        Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Value::Int(i) => format::format_int(*i),
        Value::Real(r) => format::format_real(*r),
        Value::Text(t) => t.to_string(),
        Value::Function(f) => format!("Formula({})", f.source),
        other => format::format_other(other, None, None)
            .unwrap_or_else(|| format!("<{}>", other.kind_name())),
    }
}

/// `mini4d run PROJECT`.
pub fn execute(args: &RunArgs, layout: &Layout, rt: &Runtime) -> ExitCode {
    let Some(session) = rt.open_session(args.session_id.as_deref()) else {
        eprintln!("error: --session-id must be a UUID (32 hexadecimal digits, dashes allowed)");
        return ExitCode::from(EXIT_USAGE);
    };
    let engine = rt.engine();
    // Parse everything that will run first: a syntax error stops the run before it starts.
    let database_method = |file: &str, name: &str| -> Result<Option<u32>, String> {
        let Some(dir) = layout.database_methods.as_ref().filter(|_| !args.skip_onstartup) else {
            return Ok(None);
        };
        let path = dir.join(file);
        let bytes = match crate::interp::project::read_source(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("error: cannot read {}: {e}\n", path.display())),
        };
        let index = engine.project.add_source(&path.display().to_string(), name, &bytes);
        check_syntax(rt, index).map(Some)
    };
    let entry_name = args.method.as_ref().or(args.startup_method.as_ref());
    let prepared = (|| {
        let on_startup = database_method("onStartup.4dm", "On Startup")?;
        let entry = match entry_name {
            None => None,
            Some(name) => match engine.project.load_method(name) {
                Ok(Some(index)) => Some(check_syntax(rt, index)?),
                Ok(None) => {
                    return Err(format!(
                        "error: the method `{name}` was not found in {}\n",
                        layout.methods.display()
                    ))
                }
                Err(e) => return Err(format!("error: {e}\n")),
            },
        };
        if let Some(index) = entry {
            // Check the arguments now (they are built again on the method's thread).
            let declare = engine.project.file(index).and_then(|f| f.ast.declare.clone());
            convert_args(declare.as_ref(), &args.args).map_err(|e| format!("error: {e}\n"))?;
        }
        let on_exit = database_method("onExit.4dm", "On Exit")?;
        Ok((on_startup, entry, on_exit))
    })();
    let (on_startup, entry, on_exit) = match prepared {
        Ok(p) => p,
        Err(report) => {
            eprint!("{report}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if on_startup.is_none() && entry.is_none() && on_exit.is_none() {
        eprintln!(
            "error: nothing to run in {}: no On Startup or On Exit database method; name a method \
             with --startup-method NAME or --method NAME",
            layout.methods.display()
        );
        return ExitCode::from(EXIT_USAGE);
    }
    if args.method.is_none() && !args.args.is_empty() {
        eprintln!(
            "error: arguments are given to a method with --method NAME (see mini4d run --help)"
        );
        return ExitCode::from(EXIT_USAGE);
    }

    let mut failed = false;
    // Each step runs in its own process; the processes it started end before the next step.
    let mut run = |process: &str, file: u32, raw: Vec<String>, show_result: bool| {
        let outcome = rt.run_file(&session, process, file, false, move |d| convert_args(d, &raw));
        rt.wait();
        match outcome {
            Ok(v) => {
                let v = v.into_value();
                if show_result && !v.is_undefined() {
                    println!("{}", display_value(&v));
                }
            }
            Err(e) => {
                eprint!("{}", e.report);
                failed = true;
            }
        }
    };
    if let Some(f) = on_startup {
        run("On Startup", f, Vec::new(), false);
    }
    // `QUIT 4D` in `On Startup` skips the startup method; `On Exit` runs in every case.
    if let Some(f) = entry.filter(|_| !rt.quit_requested()) {
        let name = entry_name.map(String::as_str).unwrap_or("Main");
        run(name, f, args.args.clone(), args.method.is_some());
    }
    if let Some(f) = on_exit {
        run("On Exit", f, Vec::new(), false);
    }
    if failed || rt.had_process_errors() {
        ExitCode::from(EXIT_RUNTIME_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

/// `index` when its file parsed without errors, else the rendered errors.
fn check_syntax(rt: &Runtime, index: u32) -> Result<u32, String> {
    let entry = rt.engine().project.file(index).ok_or("error: file not registered\n")?;
    if entry.errors.is_empty() {
        Ok(index)
    } else {
        Err(entry.errors.iter().map(|e| report::syntax_error(&entry, e)).collect())
    }
}
