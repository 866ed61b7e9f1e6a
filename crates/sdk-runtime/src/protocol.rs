//! The wire protocols, and every decision that depends on which one a service speaks: request
//! routing and content type, the JSON codec's rules, and where an error response carries its
//! code. Request building, response reading and error decoding ask these methods instead of
//! matching on the protocol themselves, so a new protocol is added here and in its codec.

/// The wire protocol of a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Protocol {
    /// `aws.protocols#restJson1`: HTTP bindings, JSON bodies, AWS error-code rules.
    RestJson1,
    /// `aws.protocols#awsJson1_0`: `POST /`, `X-Amz-Target: <prefix>.<Operation>`,
    /// `Content-Type: application/x-amz-json-1.0`.
    AwsJson1_0 {
        /// The target prefix (usually the service shape name).
        target_prefix: &'static str,
    },
    /// `aws.protocols#awsJson1_1`: as awsJson1_0, with `Content-Type: application/x-amz-json-1.1`.
    AwsJson1_1 {
        /// The target prefix (usually the service shape name).
        target_prefix: &'static str,
    },
    /// REST + JSON with restJson1 binding rules but no AWS specifics: a non-2xx response is the
    /// operation's single modeled error.
    PlainRestJson,
}

impl Protocol {
    /// The `X-Amz-Target` prefix of the JSON RPC protocols; `None` for the REST protocols.
    pub fn rpc_target_prefix(self) -> Option<&'static str> {
        match self {
            Protocol::AwsJson1_0 { target_prefix } | Protocol::AwsJson1_1 { target_prefix } => {
                Some(target_prefix)
            }
            Protocol::RestJson1 | Protocol::PlainRestJson => None,
        }
    }

    /// The `Content-Type` of a JSON body.
    pub fn json_content_type(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 { .. } => "application/x-amz-json-1.0",
            Protocol::AwsJson1_1 { .. } => "application/x-amz-json-1.1",
            Protocol::RestJson1 | Protocol::PlainRestJson => "application/json",
        }
    }

    /// Whether the JSON codec honours `@jsonName` (the REST protocols do, awsJson1_0 / 1_1 do
    /// not).
    pub fn honours_json_name(self) -> bool {
        match self {
            Protocol::RestJson1 | Protocol::PlainRestJson => true,
            Protocol::AwsJson1_0 { .. } | Protocol::AwsJson1_1 { .. } => false,
        }
    }

    /// Whether an error response names its error by a code (a header or a body member). The
    /// plain REST flavour has no codes: any non-2xx response is the operation's modeled error.
    pub fn has_error_codes(self) -> bool {
        !matches!(self, Protocol::PlainRestJson)
    }

    /// The header that names the error code, preferred over the body's.
    pub fn error_code_header(self) -> Option<&'static str> {
        self.has_error_codes().then_some("x-amzn-errortype")
    }

    /// The body members that may hold the error code, most preferred first.
    pub fn error_code_keys(self) -> &'static [&'static str] {
        match self {
            Protocol::PlainRestJson => &["errorType", "code", "__type"],
            Protocol::RestJson1 | Protocol::AwsJson1_0 { .. } | Protocol::AwsJson1_1 { .. } => {
                &["__type", "code"]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_protocol_answers_every_question() {
        let rpc = Protocol::AwsJson1_0 { target_prefix: "P" };
        assert_eq!(rpc.rpc_target_prefix(), Some("P"));
        assert_eq!(Protocol::RestJson1.rpc_target_prefix(), None);
        assert_eq!(
            Protocol::AwsJson1_1 { target_prefix: "P" }.json_content_type(),
            "application/x-amz-json-1.1"
        );
        assert!(Protocol::RestJson1.honours_json_name() && !rpc.honours_json_name());
        assert_eq!(Protocol::PlainRestJson.error_code_header(), None);
        assert_eq!(rpc.error_code_header(), Some("x-amzn-errortype"));
        assert_eq!(Protocol::PlainRestJson.error_code_keys()[0], "errorType");
        assert_eq!(Protocol::RestJson1.error_code_keys()[0], "__type");
    }
}
