//! `mini4d run`: run a method file (or a snippet) with typed arguments, or a 4D project
//! (see [`super::project`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::embed::Runtime;
use crate::interp::Options;
use crate::resolve::ir::VarType;
use crate::runtime::Value;
use crate::syntax::ast::{self, TypeKind};

/// Exit codes: 0 success, 1 uncaught runtime error, 2 syntax or usage error, 70 internal error.
pub const EXIT_RUNTIME_ERROR: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

const RUN_EXAMPLES: &str = "\
Examples:
  mini4d run hello.4dm                    run a method file (its folder holds the other methods)
  mini4d run greet.4dm \"World\" 3          arguments converted to the #DECLARE types
  mini4d run -e 'ALERT(String(3+4*5))'    run a snippet
  mini4d run --user-param \"mode=ci\" main.4dm
  mini4d run MyApp/Project/MyApp.4DProject --startup-method main
                                          run a project: On Startup, main, On Exit
  mini4d run MyApp --skip-onstartup --startup-method migrate
  mini4d run MyApp --method computeTotal 12 '{\"rate\":0.2}'
                                          call one project method, print its result

A project is given by its .4DProject file, its Project folder or its root folder; its methods are
Project/Sources/Methods/*.4dm and its database methods Project/Sources/DatabaseMethods/onStartup.4dm
and onExit.4dm. QUIT 4D ends the run after On Exit.

Exit status: 0 on success, 1 when an error was left uncaught, 2 on syntax or usage errors.";

#[derive(clap::Args, Debug, Default)]
#[command(after_help = RUN_EXAMPLES)]
pub struct RunArgs {
    /// The method file to run (its folder's other *.4dm files are its project methods), or a
    /// project (.4DProject file, Project folder or root folder), or a folder of methods.
    #[arg(value_name = "FILE|PROJECT")]
    pub file: Option<PathBuf>,
    /// Arguments bound to the method's #DECLARE parameters, converted to their declared types.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
    /// Run this code instead of a file.
    #[arg(short = 'e', long = "eval", value_name = "CODE")]
    pub eval: Option<String>,
    /// What `Get database parameter(User param value; $t)` returns.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub user_param: String,
    /// Stop after this many statements.
    #[arg(long, value_name = "N")]
    pub max_steps: Option<u64>,
    /// Stop after this many seconds.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Stop with error -10512 when the run uses more than this many megabytes (0: no limit).
    #[arg(long, value_name = "MB", default_value_t = crate::runtime::memory::DEFAULT_LIMIT_MB)]
    pub max_memory: u64,
    /// Deepest method call nesting before a "stack full" error.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub max_depth: usize,
    /// Id of the standalone session (32 hexadecimal digits, dashes allowed); random by default.
    #[arg(long, value_name = "UUID")]
    pub session_id: Option<String>,
    /// After the run, print `Storage` and every session's storage as JSON.
    #[arg(long)]
    pub dump_storage: bool,
    /// Project mode: the method to run after `On Startup` (as tool4d's --startup-method).
    #[arg(long, value_name = "NAME")]
    pub startup_method: Option<String>,
    /// Project mode: do not run the `On Startup` and `On Exit` database methods.
    #[arg(long)]
    pub skip_onstartup: bool,
    /// Project mode: call this method with the ARGS (converted to its #DECLARE types) and print
    /// its result.
    #[arg(long, value_name = "NAME", conflicts_with = "startup_method")]
    pub method: Option<String>,
    #[command(flatten)]
    pub permissions: super::permissions::PermissionFlags,
}

fn is_project_path(path: &Path) -> bool {
    path.is_dir()
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("4DProject"))
}

pub fn execute(args: &RunArgs) -> ExitCode {
    super::set_memory_limit(args.max_memory);
    let mut options = Options {
        user_param: args.user_param.clone(),
        max_call_depth: args.max_depth,
        ..Options::default()
    };
    options.max_steps = args.max_steps;
    if let Some(secs) = args.timeout {
        if !(secs.is_finite() && secs >= 0.0) {
            eprintln!("error: --timeout must be a number of seconds");
            return ExitCode::from(EXIT_USAGE);
        }
        options.deadline = Some(Instant::now() + Duration::from_secs_f64(secs.min(1e9)));
    }
    if args.eval.is_none() {
        if let Some(path) = args.file.as_deref().filter(|p| is_project_path(p)) {
            let Some(layout) = super::project::project_or_folder(path) else {
                eprintln!("error: {} is not a 4D project", path.display());
                return ExitCode::from(EXIT_USAGE);
            };
            options.database_name = layout.name.clone();
            options.permissions = layout.gate(&args.permissions);
            let rt = Runtime::new(std::slice::from_ref(&layout.methods), options);
            if let Some(report) = rt.setup_errors() {
                eprint!("{report}");
                return ExitCode::from(EXIT_USAGE);
            }
            let code = super::project::execute(args, &layout, &rt);
            if args.dump_storage {
                dump_storage(&rt);
            }
            return code;
        }
    }
    if args.startup_method.is_some() || args.method.is_some() || args.skip_onstartup {
        eprintln!(
            "error: --startup-method, --method and --skip-onstartup need a project (see mini4d run --help)"
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let (dir, display, method, bytes, extra) = match (&args.eval, &args.file) {
        (Some(code), file) => {
            let mut extra: Vec<String> = file.iter().map(|f| f.display().to_string()).collect();
            extra.extend(args.args.iter().cloned());
            (
                PathBuf::from("."),
                "<-e>".to_string(),
                "<-e>".to_string(),
                code.clone().into_bytes(),
                extra,
            )
        }
        (None, Some(file)) => {
            let bytes = match crate::interp::project::read_source(file) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("error: cannot read {}: {e}", file.display());
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            let dir = file
                .parent()
                .map(Path::to_path_buf)
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(PathBuf::from("."));
            let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("main").to_string();
            (dir, file.display().to_string(), stem, bytes, args.args.clone())
        }
        (None, None) => {
            eprintln!("error: mini4d run needs a method file or -e CODE (see mini4d run --help)");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    // One method and the run is over: its variables need not be freed one by one.
    options.free_main_locals = false;
    options.permissions = std::sync::Arc::new(args.permissions.gate(Some(&dir), None));
    let rt = Runtime::new(&[dir], options);
    if let Some(report) = rt.setup_errors() {
        eprint!("{report}");
        return ExitCode::from(EXIT_USAGE);
    }
    let entry = match rt.add_method(&method, &display, &bytes) {
        Ok(f) => f,
        Err(report) => {
            eprint!("{report}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let Some(session) = rt.open_session(args.session_id.as_deref()) else {
        eprintln!("error: --session-id must be a UUID (32 hexadecimal digits, dashes allowed)");
        return ExitCode::from(EXIT_USAGE);
    };
    let outcome =
        rt.run_file(&session, "Main", entry, true, move |declare| convert_args(declare, &extra));
    rt.wait();
    let mut code = match outcome {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) if e.code == crate::embed::INTERNAL_ERROR => {
            eprint!("{}", e.report);
            ExitCode::from(super::EXIT_INTERNAL)
        }
        Err(e) => {
            eprint!("{}", e.report);
            ExitCode::from(if e.code == -1 && e.report.starts_with("error: ") {
                EXIT_USAGE
            } else {
                EXIT_RUNTIME_ERROR
            })
        }
    };
    if rt.had_process_errors() && code == ExitCode::SUCCESS {
        code = ExitCode::from(EXIT_RUNTIME_ERROR);
    }
    if args.dump_storage {
        dump_storage(&rt);
    }
    code
}

fn dump_storage(rt: &Runtime) {
    println!("Storage: {}", rt.storage_json());
    for id in rt.session_ids() {
        println!("Session {id}: {}", rt.session_storage_json(&id).unwrap_or_default());
    }
}

/// Converts command-line arguments to the declared types of the `#DECLARE` parameters.
pub fn convert_args(declare: Option<&ast::Declare>, raw: &[String]) -> Result<Vec<Value>, String> {
    let params: Vec<&ast::Param> = declare.map(|d| d.params.iter().collect()).unwrap_or_default();
    let mut out = Vec::with_capacity(raw.len());
    for (i, text) in raw.iter().enumerate() {
        let param =
            params.get(i).copied().or_else(|| params.last().copied().filter(|p| p.variadic));
        let ty = param.and_then(|p| p.ty.as_ref()).map(|t| match &t.kind {
            TypeKind::Basic(b) => crate::resolve::basic_var_type(*b),
            TypeKind::Class { .. } => VarType::Object,
        });
        let name = param
            .and_then(|p| p.name.as_ref())
            .map(|n| n.text.clone())
            .unwrap_or_else(|| format!("{}", i + 1));
        out.push(convert_arg(ty.unwrap_or(VarType::Text), text).map_err(|why| {
            format!(
                "argument {} ({text:?}) cannot be converted for parameter ${name}: {why}",
                i + 1
            )
        })?);
    }
    Ok(out)
}

fn convert_arg(ty: VarType, text: &str) -> Result<Value, String> {
    match ty {
        VarType::Text | VarType::Variant => Ok(Value::text(text)),
        VarType::Integer => text
            .trim()
            .parse::<i32>()
            .map(Value::Int)
            .map_err(|_| "expected an Integer".to_string()),
        VarType::Real => {
            text.trim().parse::<f64>().map(Value::Real).map_err(|_| "expected a Real".to_string())
        }
        VarType::Boolean => match text.trim().to_lowercase().as_str() {
            "true" | "1" => Ok(Value::Bool(true)),
            "false" | "0" => Ok(Value::Bool(false)),
            _ => Err("expected True or False".to_string()),
        },
        VarType::Object | VarType::Collection => {
            let v = crate::runtime::json::parse(text).map_err(|e| format!("invalid JSON: {e}"))?;
            match (&v, ty) {
                (Value::Object(_), VarType::Object)
                | (Value::Collection(_), VarType::Collection) => Ok(v),
                _ => Err(format!(
                    "expected a JSON {}",
                    if ty == VarType::Object { "object" } else { "array" }
                )),
            }
        }
        other => {
            Err(format!("parameters of type {} cannot be given on the command line", other.name()))
        }
    }
}
