//! The session registry: sessions keyed by UUID, each with a shared `storage` object that never
//! joins shared groups, and an `info` description.

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::{Mutex, RwLock};

use super::shared::{SharedObject, SharedRoot};

/// One session (for a standalone run: the single "standalone" session of the main process).
pub struct Session {
    /// 32 uppercase hexadecimal characters, as `Generate UUID` gives.
    pub id: String,
    pub storage: Arc<SharedObject>,
    pub kind: &'static str,
    pub user_name: String,
    /// Creation time as an ISO text (UTC).
    pub created: String,
    /// Instances of `session singleton` classes, by class name (one per session).
    pub singletons: Mutex<HashMap<String, Arc<SharedObject>>>,
}

/// Every open session, by id.
#[derive(Default)]
pub struct SessionRegistry {
    sessions: RwLock<HashMap<String, Arc<Session>>>,
}

/// Normalizes a session id: strips dashes and braces, uppercases. `None` if it is not 32
/// hexadecimal digits (malformed ids are simply unknown).
pub fn normalize_id(id: &str) -> Option<String> {
    let cleaned: String =
        id.trim().trim_matches(|c| c == '{' || c == '}').chars().filter(|&c| c != '-').collect();
    if cleaned.len() == 32 && cleaned.chars().all(|c| c.is_ascii_hexdigit()) {
        Some(cleaned.to_ascii_uppercase())
    } else {
        None
    }
}

/// A new random session id (from the operating system's secure random source, via `uuid`).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string().to_ascii_uppercase()
}

impl SessionRegistry {
    /// Opens a session; `id` fixes its id (normalized), otherwise a random one is made.
    /// `None` if `id` is malformed or already open.
    pub fn open(
        &self,
        id: Option<&str>,
        kind: &'static str,
        user_name: &str,
    ) -> Option<Arc<Session>> {
        let id = match id {
            Some(raw) => normalize_id(raw)?,
            None => new_id(),
        };
        let mut sessions = self.sessions.write();
        if sessions.contains_key(&id) {
            return None;
        }
        let session = Arc::new(Session {
            id: id.clone(),
            storage: SharedObject::new(SharedRoot::Storage),
            kind,
            user_name: user_name.to_string(),
            created: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
            singletons: Mutex::new(HashMap::new()),
        });
        sessions.insert(id, session.clone());
        Some(session)
    }

    /// Closes a session; its storage stays alive while values still reference it.
    pub fn close(&self, id: &str) -> bool {
        match normalize_id(id) {
            Some(id) => self.sessions.write().remove(&id).is_some(),
            None => false,
        }
    }

    /// The session with this id (dashed or not, any case); `None` for unknown or malformed ids.
    pub fn get(&self, id: &str) -> Option<Arc<Session>> {
        let id = normalize_id(id)?;
        self.sessions.read().get(&id).cloned()
    }

    /// Every session, in id order (stable output).
    pub fn all(&self) -> Vec<Arc<Session>> {
        let mut v: Vec<_> = self.sessions.read().values().cloned().collect();
        v.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_dashed_form_and_reject_garbage() {
        let reg = SessionRegistry::default();
        let s =
            reg.open(Some("0123456789abcdef0123456789ABCDEF"), "standalone", "designer").unwrap();
        assert_eq!(s.id, "0123456789ABCDEF0123456789ABCDEF");
        assert!(reg.get("01234567-89ab-cdef-0123-456789abcdef").is_some());
        assert!(reg.get("no-such-id").is_none());
        assert!(reg.get("").is_none());
        assert!(reg.open(Some("0123456789ABCDEF0123456789ABCDEF"), "standalone", "x").is_none());
        assert_eq!(new_id().len(), 32);
    }
}
