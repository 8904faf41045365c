//! The result: verdict, scores, indicators, income distance, what would change the class,
//! supports, the 2027-2030 comparison, and the print view.

pub mod result_page;
