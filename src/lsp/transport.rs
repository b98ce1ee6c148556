//! Messages over stdio (or any byte streams), framed with `Content-Length` headers.
//!
//! `lsp-server` has its own stdio transport, but its reader thread stops at the first malformed
//! header, bad JSON or invalid UTF-8, which ends the session. This one logs the bad message on
//! stderr, skips it and keeps reading, so an editor's mistake never kills the server.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{bounded, Sender};
use lsp_server::{Connection, Message};

/// Bodies larger than this are skipped (read and dropped), never held in memory.
pub const MAX_MESSAGE: usize = 256 << 20;

/// Threads of a running transport; join them after the connection is dropped.
pub struct IoThreads {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<()>,
}

impl IoThreads {
    pub fn join(self) {
        let _ = self.writer.join();
        // The reader may be blocked on input that never comes: it ends with the process.
        drop(self.reader);
    }
}

/// A connection over the process's standard input and output.
pub fn stdio() -> (Connection, IoThreads) {
    streams(io::BufReader::new(io::stdin()), io::stdout())
}

/// A connection reading from `input` and writing to `output`.
pub fn streams(
    input: impl BufRead + Send + 'static,
    output: impl Write + Send + 'static,
) -> (Connection, IoThreads) {
    let (to_server, from_client) = bounded::<Message>(16);
    let (to_client, from_server) = bounded::<Message>(16);
    let reader = thread::Builder::new()
        .name("lsp-reader".into())
        .spawn(move || read_loop(input, &to_server))
        .expect("cannot start the LSP reader thread");
    let writer = thread::Builder::new()
        .name("lsp-writer".into())
        .spawn(move || {
            let mut output = output;
            for msg in from_server {
                if msg.write(&mut output).is_err() {
                    break;
                }
            }
        })
        .expect("cannot start the LSP writer thread");
    (Connection { sender: to_client, receiver: from_client }, IoThreads { reader, writer })
}

fn read_loop(mut input: impl BufRead, to_server: &Sender<Message>) {
    loop {
        let body = match read_frame(&mut input) {
            Ok(Some(Frame::Body(body))) => body,
            Ok(Some(Frame::Skipped(why))) => {
                eprintln!("mini4d lsp: skipped a message: {why}");
                continue;
            }
            Ok(None) | Err(_) => return,
        };
        // Invalid UTF-8 inside a message becomes U+FFFD rather than losing the message.
        let text = String::from_utf8_lossy(&body);
        let msg = match serde_json::from_str::<Message>(&text) {
            Ok(msg) => msg,
            Err(e) => {
                eprintln!("mini4d lsp: skipped a malformed message: {e}");
                continue;
            }
        };
        let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
        if to_server.send(msg).is_err() || exit {
            return;
        }
    }
}

enum Frame {
    Body(Vec<u8>),
    Skipped(String),
}

/// Reads one framed message. `Ok(None)` at the end of the input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut size: Option<usize> = None;
    let mut bad_header = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if size.is_some() || bad_header.is_some() {
                break;
            }
            continue; // blank lines between messages
        }
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => size = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("malformed header `{text}`")),
        }
    }
    let Some(size) = size else {
        return Ok(Some(Frame::Skipped(bad_header.unwrap_or_else(|| "no Content-Length".into()))));
    };
    if size > MAX_MESSAGE {
        io::copy(&mut input.take(size as u64), &mut io::sink())?;
        return Ok(Some(Frame::Skipped(format!("{size} bytes is more than the limit"))));
    }
    let mut body = vec![0; size];
    input.read_exact(&mut body)?;
    Ok(Some(Frame::Body(body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut reader = io::Cursor::new(input.to_vec());
        let mut out = Vec::new();
        while let Ok(Some(f)) = read_frame(&mut reader) {
            out.push(match f {
                Frame::Body(b) => String::from_utf8_lossy(&b).into_owned(),
                Frame::Skipped(why) => format!("skipped: {why}"),
            });
        }
        out
    }

    #[test]
    fn bad_headers_are_skipped_and_reading_goes_on() {
        let input = b"garbage\r\n\r\nContent-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}";
        let out = frames(input);
        assert_eq!(out.len(), 3, "{out:?}");
        assert!(out[0].starts_with("skipped: malformed header"));
        assert!(out[1].starts_with("skipped: bad Content-Length"));
        assert_eq!(out[2], "{}");
    }
}
