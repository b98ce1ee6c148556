//! Processes: the table of running 4D processes (real OS threads), worker mailboxes, the values
//! that may cross between them, and the wait-for graph used to detect `Use` deadlocks.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use parking_lot::{Condvar, Mutex};

use super::collection::CollRef;
use super::date::Date;
use super::object::{Key, ObjRef};
use super::shared::{Group, ProcId, SharedCollection, SharedObject};
use super::value::Value;

/// 4D process states (`Process state`).
pub mod state {
    // The whole table as 4D documents it, also the values no code path needs yet.
    #![allow(dead_code)]
    pub const DOES_NOT_EXIST: i32 = -100;
    pub const ABORTED: i32 = -1;
    pub const EXECUTING: i32 = 0;
    pub const DELAYED: i32 = 1;
    pub const WAITING_FOR_INTERNAL_FLAG: i32 = 4;
}

/// Process types (`Process info().type`).
pub const OTHER_USER_PROCESS: i32 = 4;
pub const WORKER_PROCESS: i32 = 5;

/// A value on its way to another process: plain objects and collections are deep-copied,
/// shared ones travel by reference.
#[derive(Clone, Debug)]
pub enum SendValue {
    Undefined,
    Null,
    Bool(bool),
    Int(i32),
    Real(f64),
    Date(Date),
    Time(i64),
    Text(String),
    Object(Vec<(String, SendValue)>),
    Collection(Vec<SendValue>),
    SharedObject(Arc<SharedObject>),
    SharedCollection(Arc<SharedCollection>),
    /// A formula, re-created from its source in the receiving process.
    Formula(String),
    /// An array (interprocess arrays are kept this way): its element type, whether it has two
    /// dimensions, and its elements with element 0 first.
    Array(crate::runtime::array::ElementType, bool, Vec<SendValue>),
    /// A scalar blob (copied).
    Blob(Vec<u8>),
    /// An object or collection of a linked copy ([`SendValue::from_value_linked`]), numbered
    /// so that later parts of the same message can refer to it again with [`SendValue::Seen`]:
    /// the copy keeps the shape of the original graph, cycles included.
    Node(u32, Box<SendValue>),
    /// Another reference to the [`SendValue::Node`] with this number.
    Seen(u32),
    /// A class instance: its class and its properties (copied); the receiving process tags the
    /// copy with its own class of that name.
    Instance(ClassName, Vec<(String, SendValue)>),
    /// A class store: `cs` (true) or `4D` (false), the receiving process's own.
    Store(bool),
    /// A function of a class, found again by name in the receiving process.
    ClassFunction(ClassName, String),
}

/// A class named across processes (each process loads its own classes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassName {
    /// A class of `4D` (true) or of `cs`.
    pub builtin: bool,
    pub name: String,
}

/// What an object's class tag means, for a linked copy (told by the interpreter, which owns
/// the class tags).
pub enum ObjectTag {
    Instance(ClassName),
    Store(bool),
}

/// The sending process's view of classes, for [`SendValue::from_value_linked`].
pub trait Sender {
    /// What the object's class tag stands for (`None`: a plain object, copied as such).
    fn object_tag(&self, o: &ObjRef) -> Option<ObjectTag>;
    /// How a function value travels (a formula by its source, a class function by name).
    fn function(&self, f: &crate::runtime::value::Function) -> SendValue;
}

/// The receiving process's view of classes, for [`SendValue::into_value_with`].
pub trait Receiver {
    /// Makes `obj` an instance of the class (its properties are already copied).
    fn tag_instance(&mut self, class: &ClassName, obj: &ObjRef);
    fn store(&mut self, user: bool) -> Value;
    fn class_function(&mut self, class: &ClassName, name: &str) -> Value;
    fn formula(&mut self, source: &str) -> Value;
}

/// No classes: instances arrive as plain objects, classes and functions as Null or text.
struct NoClasses;

impl Receiver for NoClasses {
    fn tag_instance(&mut self, _: &ClassName, _: &ObjRef) {}
    fn store(&mut self, _: bool) -> Value {
        Value::Null
    }
    fn class_function(&mut self, _: &ClassName, _: &str) -> Value {
        Value::Null
    }
    fn formula(&mut self, source: &str) -> Value {
        Value::text(source)
    }
}

/// A linked copy under way: the objects and collections already numbered, by address.
struct Linker<'a> {
    sender: &'a dyn Sender,
    seen: std::collections::HashMap<usize, u32>,
}

impl Linker<'_> {
    fn copy(&mut self, v: &Value, depth: usize) -> SendValue {
        if depth > MAX_SEND_DEPTH {
            return SendValue::Null;
        }
        let addr = match v {
            Value::Object(o) => o.addr(),
            Value::Collection(c) => c.addr(),
            Value::Function(f) => return self.sender.function(f),
            Value::Array(a) => {
                let a = a.borrow();
                let items = a.items.iter().map(|v| self.copy(v, depth + 1)).collect();
                return SendValue::Array(a.elem, a.two_d, items);
            }
            other => return SendValue::from_value(other),
        };
        if let Some(&id) = self.seen.get(&addr) {
            return SendValue::Seen(id);
        }
        let id = self.seen.len() as u32;
        self.seen.insert(addr, id);
        let body = match v {
            Value::Object(o) => {
                let tag = self.sender.object_tag(o);
                match tag {
                    Some(ObjectTag::Store(user)) => SendValue::Store(user),
                    tag => {
                        let entries = o
                            .entries()
                            .iter()
                            .map(|(k, v)| (k.as_str().to_string(), self.copy(v, depth + 1)))
                            .collect();
                        match tag {
                            Some(ObjectTag::Instance(c)) => SendValue::Instance(c, entries),
                            _ => SendValue::Object(entries),
                        }
                    }
                }
            }
            Value::Collection(c) => {
                SendValue::Collection(c.to_vec().iter().map(|v| self.copy(v, depth + 1)).collect())
            }
            _ => SendValue::Null,
        };
        SendValue::Node(id, Box::new(body))
    }
}

/// Rebuilds a linked copy: the values of the nodes met so far, by number.
struct Rebuilder<'a> {
    receiver: &'a mut dyn Receiver,
    nodes: std::collections::HashMap<u32, Value>,
}

impl Rebuilder<'_> {
    fn build(&mut self, v: SendValue) -> Value {
        match v {
            SendValue::Node(id, body) => match *body {
                SendValue::Object(entries) => {
                    let o = ObjRef::new();
                    self.nodes.insert(id, Value::Object(o.clone()));
                    self.fill(&o, entries);
                    Value::Object(o)
                }
                SendValue::Instance(class, entries) => {
                    let o = ObjRef::new();
                    self.nodes.insert(id, Value::Object(o.clone()));
                    self.fill(&o, entries);
                    self.receiver.tag_instance(&class, &o);
                    Value::Object(o)
                }
                SendValue::Collection(items) => {
                    let c = CollRef::new();
                    self.nodes.insert(id, Value::Collection(c.clone()));
                    let values: Vec<Value> =
                        items.into_iter().map(|v| self.build(v).for_storage()).collect();
                    *c.borrow_mut() = values;
                    Value::Collection(c)
                }
                other => {
                    let value = self.build(other);
                    self.nodes.insert(id, value.clone());
                    value
                }
            },
            SendValue::Seen(id) => self.nodes.get(&id).cloned().unwrap_or(Value::Null),
            SendValue::Object(entries) => {
                let o = ObjRef::new();
                self.fill(&o, entries);
                Value::Object(o)
            }
            SendValue::Instance(class, entries) => {
                let o = ObjRef::new();
                self.fill(&o, entries);
                self.receiver.tag_instance(&class, &o);
                Value::Object(o)
            }
            SendValue::Collection(items) => Value::Collection(CollRef::from_vec(
                items.into_iter().map(|v| self.build(v).for_storage()).collect(),
            )),
            SendValue::Store(user) => self.receiver.store(user),
            SendValue::ClassFunction(c, name) => self.receiver.class_function(&c, &name),
            SendValue::Formula(src) => self.receiver.formula(&src),
            SendValue::Array(elem, two_d, items) => {
                let a = crate::runtime::array::ArrayRef::new(elem, 0);
                let items = items.into_iter().map(|v| self.build(v)).collect();
                {
                    let mut data = a.borrow_mut();
                    data.two_d = two_d;
                    data.items = items;
                }
                Value::Array(a)
            }
            scalar => scalar.into_scalar(),
        }
    }

    fn fill(&mut self, o: &ObjRef, entries: Vec<(String, SendValue)>) {
        for (k, v) in entries {
            let value = self.build(v);
            o.set(Key::intern(&k), value);
        }
    }
}

const MAX_SEND_DEPTH: usize = 1000;

impl SendValue {
    pub fn from_value(v: &Value) -> SendValue {
        Self::from_value_at(v, 0)
    }

    fn from_value_at(v: &Value, depth: usize) -> SendValue {
        if depth > MAX_SEND_DEPTH {
            return SendValue::Null;
        }
        match v {
            Value::Undefined => SendValue::Undefined,
            Value::Null => SendValue::Null,
            Value::Bool(b) => SendValue::Bool(*b),
            Value::Int(i) => SendValue::Int(*i),
            Value::Real(r) => SendValue::Real(*r),
            Value::Date(d) => SendValue::Date(*d),
            Value::Time(t) => SendValue::Time(*t),
            Value::Text(t) => SendValue::Text(t.to_string()),
            Value::Object(o) => SendValue::Object(
                o.entries()
                    .iter()
                    .map(|(k, v)| (k.as_str().to_string(), Self::from_value_at(v, depth + 1)))
                    .collect(),
            ),
            Value::Collection(c) => SendValue::Collection(
                c.to_vec().iter().map(|v| Self::from_value_at(v, depth + 1)).collect(),
            ),
            Value::SharedObject(o) => SendValue::SharedObject(o.clone()),
            Value::SharedCollection(c) => SendValue::SharedCollection(c.clone()),
            Value::Function(f) => SendValue::Formula(f.source.to_string()),
            // A pointer names a variable of its own process: it means nothing in another one.
            Value::Pointer(_) => SendValue::Null,
            Value::Array(a) => {
                let a = a.borrow();
                SendValue::Array(
                    a.elem,
                    a.two_d,
                    a.items.iter().map(|v| Self::from_value_at(v, depth + 1)).collect(),
                )
            }
            Value::Blob(b) => SendValue::Blob(b.to_vec()),
        }
    }

    /// A copy for another process that keeps classes (instances, class objects, class
    /// functions, told by `sender`) and the shape of the graph: an object met twice is sent
    /// once, so cycles and shared parts arrive as they were.
    pub fn from_value_linked(v: &Value, sender: &dyn Sender) -> SendValue {
        Linker { sender, seen: std::collections::HashMap::new() }.copy(v, 0)
    }

    /// The value in the receiving process, whose classes `receiver` gives.
    pub fn into_value_with(self, receiver: &mut dyn Receiver) -> Value {
        Rebuilder { receiver, nodes: std::collections::HashMap::new() }.build(self)
    }

    /// The value in the receiving process, without its classes (instances arrive as plain
    /// objects, formulas as their source text).
    pub fn into_value(self) -> Value {
        self.into_value_with(&mut NoClasses)
    }

    fn into_scalar(self) -> Value {
        match self {
            SendValue::Undefined => Value::Undefined,
            SendValue::Null => Value::Null,
            SendValue::Bool(b) => Value::Bool(b),
            SendValue::Int(i) => Value::Int(i),
            SendValue::Real(r) => Value::Real(r),
            SendValue::Date(d) => Value::Date(d),
            SendValue::Time(t) => Value::Time(t),
            SendValue::Text(t) => Value::text(t),
            SendValue::SharedObject(o) => Value::SharedObject(o),
            SendValue::SharedCollection(c) => Value::SharedCollection(c),
            SendValue::Blob(b) => super::blob::blob(b),
            // Containers are built by `Rebuilder::build`.
            _ => Value::Null,
        }
    }
}

/// A message for a worker: a method (by name) or a formula (by source), with its arguments.
pub struct Message {
    pub method: SendValue,
    pub args: Vec<SendValue>,
}

/// A worker's queue of messages.
#[derive(Default)]
pub struct Mailbox {
    queue: Mutex<MailboxState>,
    ready: Condvar,
}

#[derive(Default)]
struct MailboxState {
    messages: VecDeque<Message>,
    /// No more messages will come: the worker ends once the queue is empty.
    closing: bool,
    killed: bool,
    busy: bool,
}

impl Mailbox {
    pub fn post(&self, m: Message) -> bool {
        let mut q = self.queue.lock();
        if q.killed {
            return false;
        }
        q.messages.push_back(m);
        self.ready.notify_all();
        true
    }

    /// The next message; `None` when the worker must end.
    pub fn next(&self) -> Option<Message> {
        let mut q = self.queue.lock();
        q.busy = false;
        loop {
            if q.killed {
                return None;
            }
            if let Some(m) = q.messages.pop_front() {
                q.busy = true;
                return Some(m);
            }
            if q.closing {
                return None;
            }
            self.ready.wait(&mut q);
        }
    }

    /// Ends the worker once its queue is drained.
    pub fn close(&self) {
        self.queue.lock().closing = true;
        self.ready.notify_all();
    }

    /// `KILL WORKER`: drops pending messages; the worker ends after its current task.
    pub fn kill(&self) {
        let mut q = self.queue.lock();
        q.killed = true;
        q.messages.clear();
        self.ready.notify_all();
    }

    pub fn is_killed(&self) -> bool {
        self.queue.lock().killed
    }
}

/// One process in the table.
pub struct ProcessEntry {
    pub number: ProcId,
    pub name: String,
    pub session_id: String,
    /// Creation time, Unix milliseconds (formatted only when asked: web processes are many).
    pub created_ms: i64,
    pub state: AtomicI32,
    /// Workers (and the main process) have a mailbox.
    pub mailbox: Option<Arc<Mailbox>>,
    pub finished: AtomicBool,
    pub handle: Mutex<Option<JoinHandle<()>>>,
}

impl ProcessEntry {
    /// The creation time as an ISO text (UTC).
    pub fn created(&self) -> String {
        super::session::iso_ms(self.created_ms)
    }

    pub fn is_worker(&self) -> bool {
        self.mailbox.is_some()
    }
}

/// Every process of a run, and who waits for which shared group.
pub struct ProcessTable {
    next: AtomicU32,
    entries: Mutex<BTreeMap<ProcId, Arc<ProcessEntry>>>,
    /// Process → the group whose `Use` it is waiting for.
    waits: Mutex<HashMap<ProcId, Arc<Group>>>,
}

impl Default for ProcessTable {
    fn default() -> ProcessTable {
        ProcessTable {
            next: AtomicU32::new(1),
            entries: Mutex::new(BTreeMap::new()),
            waits: Mutex::new(HashMap::new()),
        }
    }
}

impl ProcessTable {
    /// Registers a process and returns its entry (numbers start at 1 and are never reused).
    pub fn register(&self, name: &str, session_id: &str, worker: bool) -> Arc<ProcessEntry> {
        let number = self.next.fetch_add(1, Ordering::Relaxed);
        let entry = Arc::new(ProcessEntry {
            number,
            name: name.to_string(),
            session_id: session_id.to_string(),
            created_ms: chrono::Utc::now().timestamp_millis(),
            state: AtomicI32::new(state::EXECUTING),
            mailbox: worker.then(|| Arc::new(Mailbox::default())),
            finished: AtomicBool::new(false),
            handle: Mutex::new(None),
        });
        self.entries.lock().insert(number, entry.clone());
        entry
    }

    pub fn get(&self, number: ProcId) -> Option<Arc<ProcessEntry>> {
        self.entries.lock().get(&number).cloned()
    }

    /// A live process with this name (`exact` = case-sensitive, as for worker names).
    pub fn find_by_name(&self, name: &str, exact: bool) -> Option<Arc<ProcessEntry>> {
        self.entries
            .lock()
            .values()
            .find(|e| {
                !e.finished.load(Ordering::Acquire)
                    && if exact { e.name == name } else { e.name.eq_ignore_ascii_case(name) }
            })
            .cloned()
    }

    /// The live worker with this name that still takes messages (not killed).
    pub fn find_worker(&self, name: &str) -> Option<Arc<ProcessEntry>> {
        self.entries
            .lock()
            .values()
            .find(|e| {
                !e.finished.load(Ordering::Acquire)
                    && e.name == name
                    && e.mailbox.as_ref().is_some_and(|m| !m.is_killed())
            })
            .cloned()
    }

    pub fn live(&self) -> Vec<Arc<ProcessEntry>> {
        self.entries
            .lock()
            .values()
            .filter(|e| !e.finished.load(Ordering::Acquire))
            .cloned()
            .collect()
    }

    /// Forgets a finished process (a web process, whose thread is the pool's, not the table's).
    pub fn remove(&self, number: ProcId) {
        self.entries.lock().remove(&number);
    }

    pub fn finish(&self, number: ProcId) {
        if let Some(e) = self.get(number) {
            e.finished.store(true, Ordering::Release);
            e.state.store(state::DOES_NOT_EXIST, Ordering::Release);
            if let Some(m) = &e.mailbox {
                m.kill();
            }
        }
    }

    /// Waits until every process but `except` has ended: plain processes run to their end,
    /// workers drain their mailboxes and stop.
    pub fn wait_all(&self, except: ProcId) {
        loop {
            let pending: Vec<Arc<ProcessEntry>> =
                self.entries.lock().values().filter(|e| e.number != except).cloned().collect();
            let mut joined_any = false;
            // Plain processes first: they may still post messages to workers.
            for e in pending.iter().filter(|e| !e.is_worker()) {
                let handle = e.handle.lock().take();
                if let Some(h) = handle {
                    let _ = h.join();
                    joined_any = true;
                }
            }
            if joined_any {
                continue;
            }
            for e in pending.iter().filter(|e| e.is_worker()) {
                if let Some(m) = &e.mailbox {
                    m.close();
                }
                let handle = e.handle.lock().take();
                if let Some(h) = handle {
                    let _ = h.join();
                    joined_any = true;
                }
            }
            if !joined_any {
                return;
            }
        }
    }

    /// Records that `me` waits for `group`, and checks whether that closes a cycle of waits.
    /// On a cycle, `me`'s wait is withdrawn and the cycle returned (as process numbers, `me`
    /// first), so exactly one process of the cycle is told.
    pub fn wait_for(&self, me: ProcId, group: &Arc<Group>) -> Option<Vec<ProcId>> {
        let mut waits = self.waits.lock();
        waits.insert(me, group.clone());
        let mut cycle = vec![me];
        let mut current = group.clone();
        for _ in 0..=waits.len() {
            let owner = current.owner()?;
            if owner == me {
                waits.remove(&me);
                return Some(cycle);
            }
            cycle.push(owner);
            current = waits.get(&owner)?.clone();
        }
        None
    }

    pub fn done_waiting(&self, me: ProcId) {
        self.waits.lock().remove(&me);
    }
}
