//! The session registry: sessions keyed by UUID, each with a shared `storage` object that never
//! joins shared groups, and an `info` description.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
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
    /// What only a web user session has (privileges, idle timeout); `None` for the others.
    pub web: Option<WebState>,
}

/// The idle timeout of a web session, in minutes: 60 by default, and never less (SessionClass).
pub const MIN_IDLE_TIMEOUT: u32 = 60;

/// The mutable part of a web user session.
pub struct WebState {
    /// Privilege names; empty = a Guest session.
    pub privileges: Mutex<Vec<String>>,
    pub user_name: Mutex<String>,
    /// Minutes of inactivity after which the session is closed (at least [`MIN_IDLE_TIMEOUT`]).
    pub idle_timeout: AtomicU32,
    /// Last request of the session, in [`Clock`] milliseconds.
    pub last_access: AtomicI64,
}

impl WebState {
    /// When the session expires if no request comes, in [`Clock`] milliseconds.
    pub fn expires_at(&self) -> i64 {
        self.last_access.load(Ordering::Acquire)
            + i64::from(self.idle_timeout.load(Ordering::Acquire)) * 60_000
    }

    pub fn set_idle_timeout(&self, minutes: f64) {
        let m = if minutes.is_finite() { minutes.clamp(0.0, 1e9) as u32 } else { 0 };
        self.idle_timeout.store(m.max(MIN_IDLE_TIMEOUT), Ordering::Release);
    }
}

/// The clock of session expiry: Unix milliseconds, plus an offset that tests move forward.
#[derive(Default)]
pub struct Clock {
    offset_ms: AtomicI64,
}

impl Clock {
    pub fn now_ms(&self) -> i64 {
        chrono::Utc::now().timestamp_millis() + self.offset_ms.load(Ordering::Acquire)
    }

    /// Moves the clock forward (tests of expiry).
    pub fn advance(&self, by: std::time::Duration) {
        self.offset_ms.fetch_add(by.as_millis() as i64, Ordering::AcqRel);
    }
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` of a [`Clock`] time.
pub fn iso_ms(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_default()
}

/// A one-time passcode: the session it restores and when it stops being valid.
struct Otp {
    session: String,
    expires: i64,
}

/// Every open session, by id.
#[derive(Default)]
pub struct SessionRegistry {
    sessions: RwLock<HashMap<String, Arc<Session>>>,
    /// Time for web session expiry and OTP lifespans.
    pub clock: Clock,
    otps: Mutex<HashMap<String, Otp>>,
    /// The project's `roles.json`, which `setPrivileges()` expands names with; `None` when the
    /// project has none (then every name is taken as given).
    pub roles: RwLock<Option<Arc<super::roles::Roles>>>,
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
        self.open_with(id, kind, user_name, None)
    }

    /// Opens a new Guest web user session (random id, no privileges, 60-minute idle timeout).
    pub fn open_web(&self) -> Arc<Session> {
        let web = WebState {
            privileges: Mutex::new(Vec::new()),
            user_name: Mutex::new(String::new()),
            idle_timeout: AtomicU32::new(MIN_IDLE_TIMEOUT),
            last_access: AtomicI64::new(self.clock.now_ms()),
        };
        match self.open_with(None, "web", "", Some(web)) {
            Some(s) => s,
            // Two random 122-bit ids do not clash in practice; this only makes it harmless.
            None => self.open_web(),
        }
    }

    fn open_with(
        &self,
        id: Option<&str>,
        kind: &'static str,
        user_name: &str,
        web: Option<WebState>,
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
            web,
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

    /// A live web session: `None` when unknown, not a web session, or past its idle timeout
    /// (an expired session is closed here, its storage dropped with it).
    pub fn get_web(&self, id: &str) -> Option<Arc<Session>> {
        let s = self.get(id)?;
        let web = s.web.as_ref()?;
        if web.expires_at() <= self.clock.now_ms() {
            self.close(&s.id);
            return None;
        }
        Some(s)
    }

    /// Closes every web session past its idle timeout and forgets expired OTPs; returns how
    /// many sessions were closed.
    pub fn expire(&self) -> usize {
        let now = self.clock.now_ms();
        self.otps.lock().retain(|_, o| o.expires > now);
        let mut sessions = self.sessions.write();
        let before = sessions.len();
        sessions.retain(|_, s| s.web.as_ref().is_none_or(|w| w.expires_at() > now));
        before - sessions.len()
    }

    /// A new one-time passcode for `session`, valid `lifespan` seconds (at least 10; by default
    /// the session's idle timeout).
    pub fn create_otp(&self, session: &Session, lifespan: Option<f64>) -> String {
        let Some(web) = &session.web else { return String::new() };
        let seconds = match lifespan {
            Some(l) if l.is_finite() => l.clamp(10.0, 1e9) as i64,
            _ => i64::from(web.idle_timeout.load(Ordering::Acquire)) * 60,
        };
        let token = new_id();
        let expires = self.clock.now_ms() + seconds * 1000;
        self.otps.lock().insert(token.clone(), Otp { session: session.id.clone(), expires });
        token
    }

    /// Uses a one-time passcode: the live web session it was made for, or `None` if it was
    /// used already, has expired, is unknown, or its session has expired.
    pub fn take_otp(&self, token: &str) -> Option<Arc<Session>> {
        let token = normalize_id(token)?;
        let otp = self.otps.lock().remove(&token)?;
        if otp.expires <= self.clock.now_ms() {
            return None;
        }
        self.get_web(&otp.session)
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
