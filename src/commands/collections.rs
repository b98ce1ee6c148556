//! Collection member functions (placeholder).
