//! The outside world as 4D code sees it: pathnames and filesystems ([`paths`]), `4D.File` and
//! `4D.Folder` ([`file`]), document text ([`text`]). Every access goes through
//! [`crate::permissions`].

pub mod deadline;
pub mod file;
pub mod handle;
pub mod http;
pub mod paths;
pub mod process;
pub mod text;
