//! Files, folders and documents: `File`, `Folder`, the pathname commands and the classic document
//! commands (themes "File and Folder", "System Documents"). Everything goes through the
//! permission gate; the classes themselves are in `crate::outside`.

use std::path::Path;

use super::{Args, CommandFn, Host};
use crate::outside::file::{classic_place, file_command, folder_command};
use crate::outside::paths::{posix_to_system, system_to_posix, Place};
use crate::outside::text;
use crate::runtime::{ErrorKind, RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("File", file_command),
    ("Folder", folder_command),
    ("Temporary folder", temporary_folder),
    ("Get 4D folder", get_4d_folder),
    ("Structure file", structure_file),
    ("Test path name", test_path_name),
    ("Convert path system to POSIX", convert_to_posix),
    ("Convert path POSIX to system", convert_to_system),
    ("Document to text", document_to_text),
    ("TEXT TO DOCUMENT", text_to_document),
    ("CREATE FOLDER", create_folder),
    ("DELETE DOCUMENT", delete_document),
    ("DELETE FOLDER", delete_folder),
    ("COPY DOCUMENT", copy_document),
    ("MOVE DOCUMENT", move_document),
    ("Get document size", get_document_size),
    ("Select document", select_document),
    ("Select folder", select_folder),
    ("DOCUMENT TO BLOB", document_to_blob),
    ("BLOB TO DOCUMENT", blob_to_document),
];

/// `DOCUMENT TO BLOB(document; blob)`: the whole document into the blob variable.
fn document_to_blob(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("DOCUMENT TO BLOB", 2, 2)?;
    let p = classic_place(host, &args.text(0, "DOCUMENT TO BLOB")?, false)?;
    let bytes = host.gate().read(&p.real)?;
    args.set_output(1, crate::runtime::blob::blob(bytes));
    host.set_system_variable("Document", Value::text(p.platform()));
    Ok(Value::Undefined)
}

/// `BLOB TO DOCUMENT(document; blob)`: replaces the document's content by the blob's bytes.
fn blob_to_document(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("BLOB TO DOCUMENT", 2, 2)?;
    let p = classic_place(host, &args.text(0, "BLOB TO DOCUMENT")?, false)?;
    let bytes = super::blobs::blob_arg(args, 1, "BLOB TO DOCUMENT")?;
    host.gate().write(&p.real, &bytes)?;
    host.set_system_variable("Document", Value::text(p.platform()));
    Ok(Value::Undefined)
}

fn with_separator(p: &Path) -> String {
    let mut s = p.to_string_lossy().into_owned();
    if !s.ends_with('/') {
        s.push('/');
    }
    s
}

fn no_folder(what: &str) -> RtError {
    RtError::new(ErrorKind::FileIo, format!("this run has no {what}"))
}

fn temporary_folder(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Temporary folder", 0, 0)?;
    let t = host.gate().temp_folder().ok_or_else(|| no_folder("temporary folder"))?;
    Ok(Value::text(with_separator(t)))
}

/// `Get 4D folder(folder {; *})`: the folders a headless run has.
fn get_4d_folder(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Get 4D folder", 0, 2)?;
    let f = &host.gate().folders;
    let which = args.num(0, "Get 4D folder")? as i64;
    let path = match which {
        4 | 5 => f.package.clone(),
        6 => f.resources.clone(),
        7 => f.logs.clone(),
        8 => f.package.as_ref().map(|p| p.join("WebFolder")),
        9 => f.data.clone(),
        _ => {
            return Err(RtError::new(
                ErrorKind::Unimplemented,
                format!("Get 4D folder({which}): mini4d has no such folder (it has the database, resources, logs, HTML root and data folders)"),
            ))
        }
    };
    let path = path.ok_or_else(|| no_folder("such folder"))?;
    Ok(Value::text(with_separator(&path)))
}

/// `Structure file`: the `.4DProject` file of the project (for a folder of methods, the folder).
fn structure_file(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Structure file", 0, 1)?;
    let f = &host.gate().folders;
    if let Some(project) = &f.project {
        let found = std::fs::read_dir(project).ok().and_then(|entries| {
            let mut files: Vec<_> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("4DProject")))
                .collect();
            files.sort();
            files.into_iter().next()
        });
        if let Some(file) = found {
            return Ok(Value::text(file.to_string_lossy().into_owned()));
        }
    }
    let p = f.package.clone().ok_or_else(|| no_folder("structure file"))?;
    Ok(Value::text(with_separator(&p)))
}

/// `Test path name(path)`: 1 for a document, 0 for a folder, -43 when nothing is there.
fn test_path_name(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Test path name", 1, 1)?;
    let t = args.text(0, "Test path name")?;
    let p = match classic_place(host, &t, false) {
        Ok(p) => p,
        Err(_) => return Ok(Value::Int(-43)),
    };
    Ok(Value::Int(match host.gate().metadata(&p.real)? {
        Some(m) if m.is_dir() => 0,
        Some(_) => 1,
        None => -43,
    }))
}

fn convert_to_posix(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Convert path system to POSIX", 1, 2)?;
    let t = args.text(0, "Convert path system to POSIX")?;
    Ok(Value::text(system_to_posix(&t, args.has_star())))
}

fn convert_to_system(_: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Convert path POSIX to system", 1, 2)?;
    let t = args.text(0, "Convert path POSIX to system")?;
    Ok(Value::text(if args.has_star() { posix_to_system(&t) } else { t }))
}

/// `Document to text(fileName {; charSet {; breakMode}})`: line ends unchanged by default.
fn document_to_text(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Document to text", 1, 3)?;
    let p = classic_place(host, &args.text(0, "Document to text")?, false)?;
    let charset = text::charset_arg(args, 1, "Document to text")?;
    let mode = args.num(2, "Document to text")? as i64;
    let bytes = host.gate().read(&p.real)?;
    let t = text::decode(&bytes, charset.as_deref())?;
    host.set_system_variable("Document", Value::text(p.platform()));
    Ok(Value::text(text::line_ends(&t, mode)))
}

/// `TEXT TO DOCUMENT(fileName; text {; charSet {; breakMode}})`: native line ends by default.
fn text_to_document(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("TEXT TO DOCUMENT", 2, 4)?;
    let p = classic_place(host, &args.text(0, "TEXT TO DOCUMENT")?, false)?;
    let t = args.text(1, "TEXT TO DOCUMENT")?;
    let charset = text::charset_arg(args, 2, "TEXT TO DOCUMENT")?;
    let mode = if args.len() > 3 { args.num(3, "TEXT TO DOCUMENT")? as i64 } else { 1 };
    let bytes = text::encode(&text::line_ends(&t, mode), charset.as_deref())?;
    host.gate().write(&p.real, &bytes)?;
    host.set_system_variable("Document", Value::text(p.platform()));
    Ok(Value::Undefined)
}

/// `CREATE FOLDER(path {; *})`: with `*`, the missing folders of the path too.
fn create_folder(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("CREATE FOLDER", 1, 1)?;
    let p = classic_place(host, &args.text(0, "CREATE FOLDER")?, true)?;
    let gate = host.gate();
    if !args.has_star() {
        if let Some(parent) = p.real.parent() {
            if gate.metadata(parent)?.is_none() {
                return Err(RtError::new(
                    ErrorKind::FileNotFound,
                    format!(
                        "CREATE FOLDER: the folder {} does not exist (pass * to create it too)",
                        parent.display()
                    ),
                ));
            }
        }
    }
    gate.create_dir_all(&p.real)?;
    Ok(Value::Undefined)
}

fn delete_document(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("DELETE DOCUMENT", 1, 1)?;
    let p = classic_place(host, &args.text(0, "DELETE DOCUMENT")?, false)?;
    host.gate().remove_file(&p.real)?;
    Ok(Value::Undefined)
}

/// `DELETE FOLDER(folder {; deleteOption})`: `Delete with contents` (1) removes everything.
fn delete_folder(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("DELETE FOLDER", 1, 2)?;
    let p = classic_place(host, &args.text(0, "DELETE FOLDER")?, true)?;
    let recursive = args.num(1, "DELETE FOLDER")? as i64 == 1;
    host.gate().remove_dir(&p.real, recursive)?;
    Ok(Value::Undefined)
}

/// The destination of `COPY DOCUMENT`/`MOVE DOCUMENT`: a folder (ending with `/`) keeps the
/// source's name, or `newName` when given.
fn destination(
    host: &dyn Host,
    src: &Place,
    dst: &str,
    new_name: Option<String>,
) -> Result<Place, RtError> {
    if dst.ends_with('/') {
        let folder = classic_place(host, dst, true)?;
        folder.child(&new_name.unwrap_or_else(|| src.full_name()), false)
    } else {
        classic_place(host, dst, false)
    }
}

/// `COPY DOCUMENT(source; destination {; newName} {; *})`: `*` overwrites.
fn copy_document(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("COPY DOCUMENT", 2, 3)?;
    let src = classic_place(host, &args.text(0, "COPY DOCUMENT")?, false)?;
    let new_name = match args.value(2) {
        Value::Text(t) => Some(t.to_string()),
        _ => None,
    };
    let dst = destination(host, &src, &args.text(1, "COPY DOCUMENT")?, new_name)?;
    let gate = host.gate();
    if !args.has_star() && gate.metadata(&dst.real)?.is_some() {
        return Err(RtError::new(
            ErrorKind::FileExists,
            format!("COPY DOCUMENT: {} already exists (pass * to replace it)", dst.real.display()),
        ));
    }
    gate.copy(&src.real, &dst.real)?;
    Ok(Value::Undefined)
}

fn move_document(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("MOVE DOCUMENT", 2, 2)?;
    let src = classic_place(host, &args.text(0, "MOVE DOCUMENT")?, false)?;
    let dst = destination(host, &src, &args.text(1, "MOVE DOCUMENT")?, None)?;
    if host.gate().metadata(&dst.real)?.is_some() {
        return Err(RtError::new(
            ErrorKind::FileExists,
            format!("MOVE DOCUMENT: {} already exists", dst.real.display()),
        ));
    }
    host.gate().rename(&src.real, &dst.real)?;
    Ok(Value::Undefined)
}

fn get_document_size(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Get document size", 1, 2)?;
    let p = classic_place(host, &args.text(0, "Get document size")?, false)?;
    match host.gate().metadata(&p.real)? {
        Some(m) if !m.is_dir() => Ok(Value::Real(m.len() as f64)),
        _ => Err(RtError::new(
            ErrorKind::FileNotFound,
            format!("Get document size: no document {}", p.real.display()),
        )),
    }
}

/// Headless: no dialog can be shown, so the selection is cancelled (OK is 0, "" returned).
fn select_document(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Select document", 0, 6)?;
    host.set_system_variable("OK", Value::Int(0));
    Ok(Value::empty_text())
}

fn select_folder(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    args.expect_count("Select folder", 0, 4)?;
    host.set_system_variable("OK", Value::Int(0));
    Ok(Value::empty_text())
}
