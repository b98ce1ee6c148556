//! `mini4d run`: run a method file (or a snippet) with typed arguments.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::interp::project::Project;
use crate::interp::{Engine, Interp, Options, StdOutput};
use crate::resolve::ir::VarType;
use crate::runtime::Value;
use crate::syntax::ast::{self, TypeKind};

/// Exit codes: 0 success, 1 uncaught runtime error, 2 syntax or usage error, 70 internal error.
pub const EXIT_RUNTIME_ERROR: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Stack size of the thread running 4D code: deep (but bounded) recursion must never overflow it.
const INTERPRETER_STACK: usize = 1 << 30;

#[derive(clap::Args, Debug, Default)]
#[command(after_help = "Examples:\n  mini4d run hello.4dm\n  mini4d run greet.4dm \"World\" 3\n  mini4d run -e 'ALERT(String(3+4*5))'\n  mini4d run --user-param \"mode=ci\" main.4dm")]
pub struct RunArgs {
    /// The method file to run (its folder's other *.4dm files are its project methods).
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
    /// Deepest method call nesting before a "stack full" error.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub max_depth: usize,
}

pub fn execute(args: &RunArgs) -> ExitCode {
    let mut options = Options { user_param: args.user_param.clone(), max_call_depth: args.max_depth, ..Options::default() };
    options.max_steps = args.max_steps;
    if let Some(secs) = args.timeout {
        if !(secs.is_finite() && secs >= 0.0) {
            eprintln!("error: --timeout must be a number of seconds");
            return ExitCode::from(EXIT_USAGE);
        }
        options.deadline = Some(Instant::now() + Duration::from_secs_f64(secs.min(1e9)));
    }
    let (project, display, method, bytes, extra) = match (&args.eval, &args.file) {
        (Some(code), file) => {
            let mut extra: Vec<String> = file.iter().map(|f| f.display().to_string()).collect();
            extra.extend(args.args.iter().cloned());
            let project = Project::from_dirs(&[PathBuf::from(".")]);
            (project, "<-e>".to_string(), "<-e>".to_string(), code.clone().into_bytes(), extra)
        }
        (None, Some(file)) => {
            let bytes = match std::fs::read(file) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("error: cannot read {}: {e}", file.display());
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            let dir = file.parent().map(Path::to_path_buf).filter(|d| !d.as_os_str().is_empty()).unwrap_or(PathBuf::from("."));
            let project = Project::from_dirs(&[dir]);
            let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("main").to_string();
            (project, file.display().to_string(), stem, bytes, args.args.clone())
        }
        (None, None) => {
            eprintln!("error: mini4d run needs a method file or -e CODE (see mini4d run --help)");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let entry = project.add_source(&display, &method, &bytes);
    project.register_method(&method, entry);
    let engine = Engine::new(project, options, Box::new(StdOutput));
    let Some(file) = engine.project.file(entry) else { return ExitCode::from(EXIT_USAGE) };
    if !file.errors.is_empty() {
        for err in &file.errors {
            eprint!("{}", super::report::syntax_error(&file, err));
        }
        return ExitCode::from(EXIT_USAGE);
    }
    let engine2 = engine.clone();
    let declare = file.ast.declare.clone();
    // Values are per-process (not `Send`): convert the arguments on the interpreter's thread.
    let outcome = run_on_big_stack(move || {
        let values = convert_args(declare.as_ref(), &extra).map_err(|msg| (EXIT_USAGE, format!("error: {msg}\n")))?;
        let mut interp = Interp::new(engine2.clone());
        interp
            .run_file(entry, values)
            .map(|_| ())
            .map_err(|e| (EXIT_RUNTIME_ERROR, super::report::runtime_error(&engine2, &e)))
    });
    match outcome {
        Some(Ok(())) => ExitCode::SUCCESS,
        Some(Err((code, text))) => {
            eprint!("{text}");
            ExitCode::from(code)
        }
        None => ExitCode::from(super::EXIT_INTERNAL),
    }
}

/// Runs `f` on a thread with a large stack; `None` if it panicked (already reported).
pub fn run_on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let handle = std::thread::Builder::new().name("4D main".into()).stack_size(INTERPRETER_STACK).spawn(f).ok()?;
    handle.join().ok()
}

/// Converts command-line arguments to the declared types of the `#DECLARE` parameters.
fn convert_args(declare: Option<&ast::Declare>, raw: &[String]) -> Result<Vec<Value>, String> {
    let params: Vec<&ast::Param> = declare.map(|d| d.params.iter().collect()).unwrap_or_default();
    let mut out = Vec::with_capacity(raw.len());
    for (i, text) in raw.iter().enumerate() {
        let param = params.get(i).copied().or_else(|| params.last().copied().filter(|p| p.variadic));
        let ty = param.and_then(|p| p.ty.as_ref()).map(|t| match &t.kind {
            TypeKind::Basic(b) => crate::resolve::basic_var_type(*b),
            TypeKind::Class { .. } => VarType::Object,
        });
        let name = param.and_then(|p| p.name.as_ref()).map(|n| n.text.clone()).unwrap_or_else(|| format!("{}", i + 1));
        out.push(convert_arg(ty.unwrap_or(VarType::Text), text).map_err(|why| {
            format!("argument {} ({text:?}) cannot be converted for parameter ${name}: {why}", i + 1)
        })?);
    }
    Ok(out)
}

fn convert_arg(ty: VarType, text: &str) -> Result<Value, String> {
    match ty {
        VarType::Text | VarType::Variant => Ok(Value::text(text)),
        VarType::Integer => text.trim().parse::<i32>().map(Value::Int).map_err(|_| "expected an Integer".to_string()),
        VarType::Real => text.trim().parse::<f64>().map(Value::Real).map_err(|_| "expected a Real".to_string()),
        VarType::Boolean => match text.trim().to_lowercase().as_str() {
            "true" | "1" => Ok(Value::Bool(true)),
            "false" | "0" => Ok(Value::Bool(false)),
            _ => Err("expected True or False".to_string()),
        },
        VarType::Object | VarType::Collection => {
            let v = crate::runtime::json::parse(text).map_err(|e| format!("invalid JSON: {e}"))?;
            match (&v, ty) {
                (Value::Object(_), VarType::Object) | (Value::Collection(_), VarType::Collection) => Ok(v),
                _ => Err(format!("expected a JSON {}", if ty == VarType::Object { "object" } else { "array" })),
            }
        }
        other => Err(format!("parameters of type {} cannot be given on the command line", other.name())),
    }
}

