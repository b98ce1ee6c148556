//! (front end work in progress)
