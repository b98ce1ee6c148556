pub fn parse(_t: &str) -> Result<crate::runtime::Value, String> { Err("JSON not available yet".into()) }
pub fn stringify(_v: &crate::runtime::Value, _pretty: bool) -> String {
    String::new()
}
