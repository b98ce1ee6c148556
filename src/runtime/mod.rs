//! The run-time data: values, objects and collections, shared values with their locks, errors,
//! sessions and processes.
//!
//! Non-shared values are plain counted references (`Rc`, [`counted::Counted`]) and `RefCell`s: no
//! atomics, no locks. Only shared objects and collections (in [`shared`]) pay for thread safety.

pub mod array;
pub mod blob;
pub mod collection;
pub mod counted;
pub mod date;
pub mod datetime;
pub mod error;
pub mod format;
pub mod guard;
pub mod json;
pub mod memory;
pub mod object;
pub mod ops;
pub mod pointer;
pub mod process;
pub mod roles;
pub mod session;
pub mod shared;
pub mod signal;
pub mod text;
pub mod text_value;
pub mod value;

pub use collection::CollRef;
pub use date::Date;
pub use error::{ErrorKind, RtError};
pub use object::{Key, ObjRef};
pub use value::Value;
