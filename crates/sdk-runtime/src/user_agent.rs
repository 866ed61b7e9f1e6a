//! The user agent requests carry: this runtime's own name and version, the service crate's, the
//! platform and the configured `app_name`.
//!
//! aws-runtime's `UserAgentInterceptor` always starts its headers with `aws-sdk-rust/<version>`,
//! which would claim that requests come from aws-sdk-rust; this interceptor writes the same kind
//! of product tokens under this SDK's name instead.

use std::fmt;

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextMut;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use aws_types::app_name::AppName;

/// The name requests identify this runtime by (the package name).
pub const RUNTIME_NAME: &str = env!("CARGO_PKG_NAME");
/// The version of this runtime.
pub const RUNTIME_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The user agent of a call to `service` (crate name) at `version` (crate version):
/// `sdk-runtime/0.1.0 api/bedrockagentcore/0.1.0 os/linux lang/rust/1.94.1 app/my-app`.
///
/// Every part is a valid header value: the names and versions are Cargo package names and
/// versions, and [`AppName`] only admits token characters.
pub fn user_agent(service: &str, version: &str, app_name: Option<&AppName>) -> String {
    let rust = aws_types::build_metadata::BUILD_METADATA.rust_version;
    let mut ua = format!(
        "{RUNTIME_NAME}/{RUNTIME_VERSION} api/{service}/{version} os/{} lang/rust/{rust}",
        std::env::consts::OS
    );
    if let Some(app) = app_name {
        ua.push_str(" app/");
        ua.push_str(app.as_ref());
    }
    ua
}

/// Sets `User-Agent` (unless the request already has one, from a customization or an earlier
/// interceptor) and, for AWS services, `x-amz-user-agent`, to [`user_agent`]'s value.
pub(crate) struct UserAgentInterceptor {
    value: String,
    aws: bool,
}

impl UserAgentInterceptor {
    pub(crate) fn new(value: String, aws: bool) -> Self {
        Self { value, aws }
    }
}

impl fmt::Debug for UserAgentInterceptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserAgentInterceptor")
            .field("value", &self.value)
            .finish()
    }
}

impl Intercept for UserAgentInterceptor {
    fn name(&self) -> &'static str {
        "sdk_runtime::UserAgentInterceptor"
    }

    // Before signing, so that SigV4 covers `x-amz-user-agent` (it never signs `User-Agent`).
    fn modify_before_signing(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let headers = context.request_mut().headers_mut();
        if !headers.contains_key("user-agent") {
            headers.insert("user-agent", self.value.clone());
        }
        if self.aws {
            headers.insert("x-amz-user-agent", self.value.clone());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_this_runtime_and_the_service_crate() {
        let ua = user_agent("billforward", "1.2.3", None);
        assert!(
            ua.starts_with(&format!(
                "sdk-runtime/{RUNTIME_VERSION} api/billforward/1.2.3 os/"
            )),
            "{ua}"
        );
        assert!(ua.contains(" lang/rust/1."), "{ua}");
        assert!(!ua.contains("aws-sdk"), "{ua}");
        let app = AppName::new("checkout").unwrap();
        assert!(user_agent("s", "1", Some(&app)).ends_with(" app/checkout"));
    }
}
