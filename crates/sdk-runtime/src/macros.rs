//! Macros that expand the per-member boilerplate of generated data types (JSON form, builder
//! setters, fluent setters, string and int enums), so a generated crate states each member once.
//!
//! They are an implementation detail of generated code: the expansions are what aws-sdk-rust
//! writes out by hand for every member, and the generated crates' snapshots show the compact form.

/// Implements `serde::Serialize` and `serde::Deserialize` for a generated structure whose members
/// are all `Option`s: each listed member goes to or from its JSON key through a
/// [`serde`](crate::serde) marker (`Same` when none is given); unset members are not written; unknown keys and `null`s are
/// ignored when reading; members not listed (HTTP-bound ones, error metadata) keep their default.
///
/// ```
/// #[derive(Default, Debug, PartialEq)]
/// struct Session { id: Option<String>, at: Option<aws_smithy_types::DateTime> }
/// sdk_runtime::json_struct!(Session { id: "sessionId", at: "createdAt" => sdk_runtime::serde::EpochSeconds });
/// let s: Session = serde_json::from_str(r#"{"sessionId": "a", "createdAt": 1, "other": null}"#).unwrap();
/// assert_eq!(s.id.as_deref(), Some("a"));
/// assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"sessionId":"a","createdAt":1}"#);
/// ```
#[macro_export]
macro_rules! json_struct {
    ($name:ty { $($field:ident : $wire:literal $(=> $marker:ty)?),* $(,)? } $(required { $($required:ident),* $(,)? })?) => {
        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use $crate::__serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::None)?;
                $(
                    if let ::std::option::Option::Some(value) = &self.$field {
                        map.serialize_entry($wire, &$crate::serde::SerializeAsWrap::<_, $crate::__marker!($($marker)?)>::new(value))?;
                    }
                )*
                map.end()
            }
        }
        impl $crate::shape::ZeroValue for $name {
            fn zero_value() -> Self {
                <$name as ::std::default::Default>::default()
            }
        }
        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> $crate::__serde::de::Visitor<'de> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(::std::concat!("a JSON object for ", ::std::stringify!($name)))
                    }
                    fn visit_map<A: $crate::__serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<$name, A::Error> {
                        #[allow(unused_mut)]
                        let mut out = <$name as ::std::default::Default>::default();
                        while let ::std::option::Option::Some(key) = map.next_key::<::std::borrow::Cow<'de, str>>()? {
                            match &*key {
                                $(
                                    $wire => {
                                        out.$field = map
                                            .next_value::<::std::option::Option<$crate::serde::DeserializeAsWrap<_, $crate::__marker!($($marker)?)>>>()?
                                            .map($crate::serde::DeserializeAsWrap::into_inner);
                                    }
                                )*
                                _ => {
                                    map.next_value::<$crate::__serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        // Error correction: a `@required` member the response left out takes its zero value.
                        $($(
                            if out.$required.is_none() {
                                out.$required = ::std::option::Option::Some($crate::shape::ZeroValue::zero_value());
                            }
                        )*)?
                        ::std::result::Result::Ok(out)
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }
    };
}

/// The `x(..)`, `set_x(..)` and `get_x()` methods of builder members, one `kind x, set_x, get_x: T;`
/// entry per member (inside the `impl` of a
/// builder that wraps the structure it builds: `struct XBuilder(X)`).
///
/// Kinds: `value` (`x(impl Into<T>)`), `boxed` (stored as `Box<T>`), `list` (`x(item)` appends),
/// `map` (`x(key, value)` inserts).
#[macro_export]
macro_rules! setters {
    ($($kind:ident $field:ident, $set:ident, $get:ident: $ty:ty;)+) => {
        $($crate::setters!(@one $kind $field, $set, $get: $ty);)+
    };
    (@one value $field:ident, $set:ident, $get:ident: $ty:ty) => {
        #[doc = ::std::concat!(" Sets `", ::std::stringify!($field), "`.")]
        pub fn $field(mut self, input: impl ::std::convert::Into<$ty>) -> Self {
            self.0.$field = ::std::option::Option::Some(input.into());
            self
        }
        #[doc = ::std::concat!(" Sets or clears `", ::std::stringify!($field), "`.")]
        pub fn $set(mut self, input: ::std::option::Option<$ty>) -> Self {
            self.0.$field = input;
            self
        }
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "` as set so far.")]
        pub fn $get(&self) -> &::std::option::Option<$ty> {
            &self.0.$field
        }
    };
    (@one boxed $field:ident, $set:ident, $get:ident: $ty:ty) => {
        #[doc = ::std::concat!(" Sets `", ::std::stringify!($field), "`.")]
        pub fn $field(mut self, input: impl ::std::convert::Into<$ty>) -> Self {
            self.0.$field = ::std::option::Option::Some(::std::boxed::Box::new(input.into()));
            self
        }
        #[doc = ::std::concat!(" Sets or clears `", ::std::stringify!($field), "`.")]
        pub fn $set(mut self, input: ::std::option::Option<$ty>) -> Self {
            self.0.$field = input.map(::std::boxed::Box::new);
            self
        }
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "` as set so far.")]
        pub fn $get(&self) -> &::std::option::Option<::std::boxed::Box<$ty>> {
            &self.0.$field
        }
    };
    (@one list $field:ident, $set:ident, $get:ident: $item:ty) => {
        #[doc = ::std::concat!(" Appends one item to `", ::std::stringify!($field), "`; `", ::std::stringify!($set), "` replaces the whole list.")]
        pub fn $field(mut self, item: impl ::std::convert::Into<$item>) -> Self {
            self.0.$field.get_or_insert_with(::std::vec::Vec::new).push(item.into());
            self
        }
        #[doc = ::std::concat!(" Sets or clears `", ::std::stringify!($field), "`.")]
        pub fn $set(mut self, input: ::std::option::Option<::std::vec::Vec<$item>>) -> Self {
            self.0.$field = input;
            self
        }
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "` as set so far.")]
        pub fn $get(&self) -> &::std::option::Option<::std::vec::Vec<$item>> {
            &self.0.$field
        }
    };
    (@one map $field:ident, $set:ident, $get:ident: $value:ty) => {
        #[doc = ::std::concat!(" Inserts one entry into `", ::std::stringify!($field), "`; `", ::std::stringify!($set), "` replaces the whole map.")]
        pub fn $field(mut self, key: impl ::std::convert::Into<::std::string::String>, value: impl ::std::convert::Into<$value>) -> Self {
            self.0.$field.get_or_insert_with(::std::collections::HashMap::new).insert(key.into(), value.into());
            self
        }
        #[doc = ::std::concat!(" Sets or clears `", ::std::stringify!($field), "`.")]
        pub fn $set(mut self, input: ::std::option::Option<::std::collections::HashMap<::std::string::String, $value>>) -> Self {
            self.0.$field = input;
            self
        }
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "` as set so far.")]
        pub fn $get(&self) -> &::std::option::Option<::std::collections::HashMap<::std::string::String, $value>> {
            &self.0.$field
        }
    };
}

/// The fluent builder's forwarding `x(..)`, `set_x(..)` and `get_x()` for one input member
/// (inside an `impl` of a type with an `inner` input builder). Kinds as in [`setters!`].
#[macro_export]
macro_rules! fluent_setters {
    ($($kind:ident $field:ident, $set:ident, $get:ident: $ty:ty;)+) => {
        $($crate::fluent_setters!(@one $kind $field, $set, $get: $ty);)+
    };
    (@one value $field:ident, $set:ident, $get:ident: $ty:ty) => {
        #[doc = ::std::concat!(" Sets `", ::std::stringify!($field), "`.")]
        pub fn $field(mut self, input: impl ::std::convert::Into<$ty>) -> Self {
            self.inner = self.inner.$field(input);
            self
        }
        $crate::fluent_setters!(@set_get $field, $set, $get: $ty, ::std::option::Option<$ty>);
    };
    (@one boxed $field:ident, $set:ident, $get:ident: $ty:ty) => {
        #[doc = ::std::concat!(" Sets `", ::std::stringify!($field), "`.")]
        pub fn $field(mut self, input: impl ::std::convert::Into<$ty>) -> Self {
            self.inner = self.inner.$field(input);
            self
        }
        $crate::fluent_setters!(@set_get $field, $set, $get: $ty, ::std::option::Option<::std::boxed::Box<$ty>>);
    };
    (@one list $field:ident, $set:ident, $get:ident: $item:ty) => {
        #[doc = ::std::concat!(" Appends one item to `", ::std::stringify!($field), "`; `", ::std::stringify!($set), "` replaces the whole list.")]
        pub fn $field(mut self, item: impl ::std::convert::Into<$item>) -> Self {
            self.inner = self.inner.$field(item);
            self
        }
        $crate::fluent_setters!(@set_get $field, $set, $get: ::std::vec::Vec<$item>, ::std::option::Option<::std::vec::Vec<$item>>);
    };
    (@one map $field:ident, $set:ident, $get:ident: $value:ty) => {
        #[doc = ::std::concat!(" Inserts one entry into `", ::std::stringify!($field), "`; `", ::std::stringify!($set), "` replaces the whole map.")]
        pub fn $field(mut self, key: impl ::std::convert::Into<::std::string::String>, value: impl ::std::convert::Into<$value>) -> Self {
            self.inner = self.inner.$field(key, value);
            self
        }
        $crate::fluent_setters!(@set_get $field, $set, $get:
            ::std::collections::HashMap<::std::string::String, $value>,
            ::std::option::Option<::std::collections::HashMap<::std::string::String, $value>>);
    };
    (@set_get $field:ident, $set:ident, $get:ident: $ty:ty, $stored:ty) => {
        #[doc = ::std::concat!(" Sets or clears `", ::std::stringify!($field), "`.")]
        pub fn $set(mut self, input: ::std::option::Option<$ty>) -> Self {
            self.inner = self.inner.$set(input);
            self
        }
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "` as set so far.")]
        pub fn $get(&self) -> &$stored {
            self.inner.$get()
        }
    };
}

/// A string enum with an `Unknown`-style variant that keeps values this client does not know:
/// `as_str`, `values`, `From<String>`, `From<&str>`, `FromStr`, `Display` and its JSON form.
#[macro_export]
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $unknown:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal),* $(,)? }) => {
        $(#[$meta])*
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::cmp::Eq, ::std::cmp::Ord, ::std::cmp::PartialEq, ::std::cmp::PartialOrd, ::std::fmt::Debug, ::std::hash::Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A value this version of the client does not know; the raw value is kept so it round-trips.
            $unknown(::std::string::String),
        }
        impl $name {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::$unknown(value) => value.as_str(),
                }
            }
            /// Every value this client knows.
            pub const fn values() -> &'static [&'static str] {
                &[$($value),*]
            }
        }
        impl ::std::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    $($value => Self::$variant,)*
                    _ => Self::$unknown(value),
                }
            }
        }
        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::from(::std::string::String::from(value))
            }
        }
        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <::std::string::String as $crate::__serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
        impl $crate::request::ToParam for $name {
            fn to_params(
                &self,
                location: $crate::request::ParamLocation,
                out: &mut ::std::vec::Vec<::std::string::String>,
            ) -> ::std::result::Result<(), $crate::request::BuildError> {
                $crate::request::ToParam::to_params(self.as_str(), location, out)
            }
        }
        impl $crate::response::FromHeader for $name {
            fn from_header(value: &str) -> ::std::result::Result<Self, ::std::string::String> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }
        impl $crate::shape::ZeroValue for $name {
            fn zero_value() -> Self {
                Self::from("")
            }
        }
    };
}

/// An int enum with an `Unknown`-style variant that keeps values this client does not know.
#[macro_export]
macro_rules! int_enum {
    ($(#[$meta:meta])* $name:ident, $unknown:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal),* $(,)? }) => {
        $(#[$meta])*
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::marker::Copy, ::std::cmp::Eq, ::std::cmp::Ord, ::std::cmp::PartialEq, ::std::cmp::PartialOrd, ::std::fmt::Debug, ::std::hash::Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A value this version of the client does not know; the raw value is kept so it round-trips.
            $unknown(i32),
        }
        impl $name {
            /// The wire value.
            pub fn as_i32(&self) -> i32 {
                match self {
                    $(Self::$variant => $value,)*
                    Self::$unknown(value) => *value,
                }
            }
            /// Every value this client knows.
            pub const fn values() -> &'static [i32] {
                &[$($value),*]
            }
        }
        impl ::std::convert::From<i32> for $name {
            fn from(value: i32) -> Self {
                match value {
                    $($value => Self::$variant,)*
                    other => Self::$unknown(other),
                }
            }
        }
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::write!(f, "{}", self.as_i32())
            }
        }
        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.as_i32())
            }
        }
        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <i32 as $crate::__serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
        impl $crate::request::ToParam for $name {
            fn to_params(
                &self,
                location: $crate::request::ParamLocation,
                out: &mut ::std::vec::Vec<::std::string::String>,
            ) -> ::std::result::Result<(), $crate::request::BuildError> {
                $crate::request::ToParam::to_params(&self.as_i32(), location, out)
            }
        }
        impl $crate::response::FromHeader for $name {
            fn from_header(value: &str) -> ::std::result::Result<Self, ::std::string::String> {
                <i32 as $crate::response::FromHeader>::from_header(value).map(Self::from)
            }
        }
        impl $crate::shape::ZeroValue for $name {
            fn zero_value() -> Self {
                Self::from(0)
            }
        }
    };
}

/// An operation's error enum: a variant per modeled error plus `Unhandled`, with `is_*` tests,
/// `meta()`, `retryable_error_kind()`, a `Display` naming the operation, status, code and
/// message, `Error::source`, the conversions the runtime needs, and the dispatch from an error
/// code to its variant. `any code: Variant` sends codes that match no variant to `Variant`
/// instead of `Unhandled` (for protocols whose errors carry no code).
#[macro_export]
macro_rules! operation_error {
    (@fallback $resp:ident, $meta:ident) => {
        ::std::convert::From::from($meta)
    };
    (@fallback $resp:ident, $meta:ident, $variant:ident) => {
        $crate::shape::modeled_error($resp, $meta, Self::$variant)
    };
    (
        $(#[$meta:meta])* $name:ident, $operation:literal $(, any code: $fallback:ident)? {
            $($(#[$vmeta:meta])* $variant:ident($ty:ty), $is:ident, $($code:literal)|+;)*
        }
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        #[derive(::std::fmt::Debug)]
        pub enum $name {
            $($(#[$vmeta])* $variant($ty),)*
            /// An error the model does not describe (unknown code, or a response that could not be
            /// decoded); it keeps the code, message, HTTP status and request id.
            Unhandled($crate::error::Unhandled),
        }
        impl $name {
            $(
                #[doc = ::std::concat!(" True when this is a `", ::std::stringify!($variant), "`.")]
                pub fn $is(&self) -> bool {
                    ::std::matches!(self, Self::$variant(_))
                }
            )*
            /// The error's metadata: code, message, request id and HTTP status.
            pub fn meta(&self) -> &::aws_smithy_types::error::ErrorMetadata {
                match self {
                    $(Self::$variant(e) => &e.meta,)*
                    Self::Unhandled(e) => e.meta(),
                }
            }
            /// How a retry strategy should treat this error (from `@retryable`).
            pub fn retryable_error_kind(&self) -> ::std::option::Option<::aws_smithy_types::retry::ErrorKind> {
                match self {
                    $(Self::$variant(e) => e.retryable_error_kind(),)*
                    Self::Unhandled(_) => ::std::option::Option::None,
                }
            }
        }
        impl ::std::fmt::Display for $name {
            /// `<Operation> failed: HTTP <status> <code>: <message> (request id <id>)`.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::error::fmt_operation_error(f, $operation, self.meta())
            }
        }
        impl ::std::error::Error for $name {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    $(Self::$variant(e) => ::std::option::Option::Some(e),)*
                    Self::Unhandled(e) => ::std::error::Error::source(e),
                }
            }
        }
        impl ::aws_smithy_types::error::metadata::ProvideErrorMetadata for $name {
            fn meta(&self) -> &::aws_smithy_types::error::ErrorMetadata {
                self.meta()
            }
        }
        impl ::std::convert::From<$crate::error::Unhandled> for $name {
            fn from(e: $crate::error::Unhandled) -> Self {
                Self::Unhandled(e)
            }
        }
        impl ::std::convert::From<::aws_smithy_types::error::ErrorMetadata> for $name {
            fn from(meta: ::aws_smithy_types::error::ErrorMetadata) -> Self {
                Self::Unhandled($crate::error::Unhandled::new(meta))
            }
        }
        impl $crate::OperationError for $name {
            fn from_response(
                code: &str,
                resp: &$crate::response::Response<'_>,
                meta: ::aws_smithy_types::error::ErrorMetadata,
            ) -> Self {
                match code {
                    $($($code)|+ => $crate::shape::modeled_error(resp, meta, Self::$variant),)*
                    _ => $crate::operation_error!(@fallback resp, meta $(, $fallback)?),
                }
            }
            fn retryable_error_kind(&self) -> ::std::option::Option<::aws_smithy_types::retry::ErrorKind> {
                $name::retryable_error_kind(self)
            }
        }
        impl ::aws_smithy_runtime_api::client::result::CreateUnhandledError for $name {
            fn create_unhandled_error(
                source: ::aws_smithy_runtime_api::box_error::BoxError,
                meta: ::std::option::Option<::aws_smithy_types::error::ErrorMetadata>,
            ) -> Self {
                Self::Unhandled($crate::error::Unhandled::new(meta.unwrap_or_default()).with_source(source))
            }
        }
    };
}

/// What a modeled error structure (with a `meta: ErrorMetadata` field) implements: its retry kind,
/// a `Display` of its code and message, `Error`, `ProvideErrorMetadata` and `ModeledError`.
/// The message is the body's `message` member when given, else the metadata's; `headers { .. }`
/// names members bound to response headers. `sensitive_message: true` prints
/// [`REDACTED`](crate::error::REDACTED) instead of the message and redacts it in the metadata.
#[macro_export]
macro_rules! error_struct {
    ($name:ident, $code:literal, $retry:expr $(, sensitive_message: $sensitive:literal)? $(, message: $message:ident)? $(, headers { $($header_field:ident: $header:literal),* $(,)? })?) => {
        impl $name {
            /// How a retry strategy should treat this error (from `@retryable`).
            pub fn retryable_error_kind(&self) -> ::std::option::Option<::aws_smithy_types::retry::ErrorKind> {
                $retry
            }
        }
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($code)?;
                let message = self.meta.message();
                $(let message = self.$message.as_deref().or(message);)?
                $(let message = if $sensitive { message.map(|_| $crate::error::REDACTED) } else { message };)?
                if let ::std::option::Option::Some(message) = message {
                    ::std::write!(f, ": {message}")?;
                }
                ::std::result::Result::Ok(())
            }
        }
        impl ::std::error::Error for $name {}
        impl ::aws_smithy_types::error::metadata::ProvideErrorMetadata for $name {
            fn meta(&self) -> &::aws_smithy_types::error::ErrorMetadata {
                &self.meta
            }
        }
        impl $crate::error::ModeledError for $name {
            $(const SENSITIVE_MESSAGE: bool = $sensitive;)?
            fn set_meta(&mut self, meta: ::aws_smithy_types::error::ErrorMetadata) {
                self.meta = meta;
            }
            $(
                fn read_headers(&mut self, resp: &$crate::response::Response<'_>) -> ::std::result::Result<(), $crate::response::DeserializeError> {
                    $(self.$header_field = resp.header($header)?;)*
                    ::std::result::Result::Ok(())
                }
            )?
        }
    };
}

/// Getters for a structure's `Option` members: `str` (`Option<&str>`), `copy` (`Option<T>`),
/// `slice` (`&[T]`, empty when unset), `boxed` and `reference` (`Option<&T>`).
#[macro_export]
macro_rules! getters {
    ($($kind:ident $field:ident: $ty:ty;)*) => {
        $($crate::getters!(@one $kind $field: $ty);)*
    };
    (@one str $field:ident: $ty:ty) => {
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "`, if set (see the field's documentation).")]
        pub fn $field(&self) -> ::std::option::Option<&str> {
            self.$field.as_deref()
        }
    };
    (@one copy $field:ident: $ty:ty) => {
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "`, if set (see the field's documentation).")]
        pub fn $field(&self) -> ::std::option::Option<$ty> {
            self.$field
        }
    };
    (@one slice $field:ident: $ty:ty) => {
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "`; empty when unset (see the field's documentation).")]
        pub fn $field(&self) -> &[$ty] {
            self.$field.as_deref().unwrap_or_default()
        }
    };
    (@one boxed $field:ident: $ty:ty) => {
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "`, if set (see the field's documentation).")]
        pub fn $field(&self) -> ::std::option::Option<&$ty> {
            self.$field.as_deref()
        }
    };
    (@one reference $field:ident: $ty:ty) => {
        #[doc = ::std::concat!(" `", ::std::stringify!($field), "`, if set (see the field's documentation).")]
        pub fn $field(&self) -> ::std::option::Option<&$ty> {
            self.$field.as_ref()
        }
    };
}

/// A generated crate's `Config` and config `Builder`, forwarding to [`ConfigCore`](crate::ConfigCore)
/// with aws-sdk-rust's method names. The arguments name the groups of settings the service needs:
/// `aws` adds `region`, `app_name`, `use_fips`, `use_dual_stack` and `From<&SdkConfig>`; `sigv4`
/// adds `credentials_provider`; `bearer` adds `bearer_token`; `api_key` adds `api_key`.
#[macro_export]
macro_rules! client_config {
    (@part aws) => {
        $crate::client_config!(@setting
            /// The AWS region to call and to sign requests for.
            region, set_region: $crate::types::Region);
        $crate::client_config!(@setting
            /// The application name added to the user agent.
            app_name, set_app_name: $crate::types::AppName);
        /// Calls the service's FIPS endpoint (default: `false`).
        pub fn use_fips(mut self, enabled: bool) -> Self {
            self.0 = self.0.use_fips(enabled);
            self
        }
        /// Calls the service's dual-stack (IPv4 and IPv6) endpoint (default: `false`).
        pub fn use_dual_stack(mut self, enabled: bool) -> Self {
            self.0 = self.0.use_dual_stack(enabled);
            self
        }
    };
    (@part sigv4) => {
        /// Where SigV4 signing gets its credentials.
        pub fn credentials_provider(mut self, provider: impl $crate::types::ProvideCredentials + 'static) -> Self {
            self.0 = self.0.credentials_provider(provider);
            self
        }
        /// Where SigV4 signing gets its credentials; in-place form (`None` clears it).
        pub fn set_credentials_provider(
            &mut self,
            provider: ::std::option::Option<$crate::types::SharedCredentialsProvider>,
        ) -> &mut Self {
            self.0.set_credentials_provider(provider);
            self
        }
    };
    (@part bearer) => {
        $crate::client_config!(@setting
            /// The token sent as `Authorization: Bearer <token>` by operations that accept bearer auth.
            bearer_token, set_bearer_token: ::std::string::String);
    };
    (@part api_key) => {
        $crate::client_config!(@setting
            /// The API key sent by operations that accept API key auth.
            api_key, set_api_key: ::std::string::String);
    };
    (@from aws) => {
        impl ::std::convert::From<&$crate::types::SdkConfig> for Builder {
            fn from(sdk_config: &$crate::types::SdkConfig) -> Self {
                Builder($crate::config::ConfigCoreBuilder::from_sdk_config(sdk_config))
            }
        }
        impl ::std::convert::From<&$crate::types::SdkConfig> for Config {
            fn from(sdk_config: &$crate::types::SdkConfig) -> Self {
                Builder::from(sdk_config).build()
            }
        }
    };
    (@from $part:ident) => {};
    (@setting $(#[$doc:meta])* $name:ident, $set:ident: $ty:ty) => {
        $(#[$doc])*
        pub fn $name(mut self, value: impl ::std::convert::Into<$ty>) -> Self {
            self.0 = self.0.$name(value);
            self
        }
        $(#[$doc])*
        ///
        /// In-place form; `None` restores the default.
        pub fn $set(&mut self, value: ::std::option::Option<$ty>) -> &mut Self {
            self.0.$set(value);
            self
        }
    };
    (@boxed $(#[$doc:meta])* $name:ident: $bound:path, $set:ident: $shared:ty) => {
        $(#[$doc])*
        pub fn $name(mut self, value: impl $bound + 'static) -> Self {
            self.0 = self.0.$name(value);
            self
        }
        $(#[$doc])*
        ///
        /// In-place form; `None` restores the default.
        pub fn $set(&mut self, value: ::std::option::Option<$shared>) -> &mut Self {
            self.0.$set(value);
            self
        }
    };
    ($($part:ident),* $(,)?) => {
        $crate::client_config!(@common { $($crate::client_config!(@part $part);)* });
        $($crate::client_config!(@from $part);)*
        $($crate::client_config!(@reexport $part);)*
    };
    // The types the settings take, where aws-sdk-rust's `config` module has them.
    (@reexport aws) => {
        pub use $crate::types::{AppName, Region};
    };
    (@reexport sigv4) => {
        pub use $crate::types::{Credentials, SharedCredentialsProvider};
    };
    (@reexport $part:ident) => {};
    (@common { $($extra:tt)* }) => {
        pub use $crate::types::{
            BehaviorVersion, Intercept, SharedAsyncSleep, SharedHttpClient, SharedInterceptor,
            StalledStreamProtectionConfig,
        };
        /// Retry settings.
        pub mod retry {
            pub use $crate::types::RetryConfig;
        }
        /// Timeout settings.
        pub mod timeout {
            pub use $crate::types::TimeoutConfig;
        }
        /// Configuration of a [`Client`](crate::Client); build one with [`Config::builder`].
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct Config(pub(crate) $crate::config::ConfigCore);
        impl Config {
            /// A builder with every setting at its default.
            pub fn builder() -> Builder {
                Builder::default()
            }
            /// A builder holding this configuration's settings.
            pub fn to_builder(&self) -> Builder {
                Builder(self.0.to_builder())
            }
            /// The endpoint URL override, if any.
            pub fn endpoint_url(&self) -> ::std::option::Option<&str> {
                self.0.endpoint_url()
            }
        }
        /// Builder for [`Config`].
        #[derive(::std::clone::Clone, ::std::fmt::Debug, ::std::default::Default)]
        pub struct Builder($crate::config::ConfigCoreBuilder);
        impl Builder {
            $($extra)*
            $crate::client_config!(@setting
                /// Sends requests to this URL instead of the service's default endpoint.
                endpoint_url, set_endpoint_url: ::std::string::String);
            $crate::client_config!(@setting
                /// Retry settings (default: standard mode, 3 attempts, exponential backoff with jitter).
                retry_config, set_retry_config: $crate::types::RetryConfig);
            $crate::client_config!(@setting
                /// Connect, read and operation timeouts.
                timeout_config, set_timeout_config: $crate::types::TimeoutConfig);
            $crate::client_config!(@setting
                /// The behavior version (default: the latest).
                behavior_version, set_behavior_version: $crate::types::BehaviorVersion);
            $crate::client_config!(@setting
                /// Where unset `@idempotencyToken` members get their value (default: random UUIDv4).
                idempotency_token_provider, set_idempotency_token_provider: $crate::idempotency::IdempotencyTokenProvider);
            $crate::client_config!(@boxed
                /// The HTTP client (default: hyper with rustls, when the `rustls` feature is on).
                http_client: $crate::types::HttpClient,
                set_http_client: $crate::types::SharedHttpClient);
            $crate::client_config!(@boxed
                /// How the client sleeps between retries and for timeouts (default: tokio).
                sleep_impl: $crate::types::AsyncSleep,
                set_sleep_impl: $crate::types::SharedAsyncSleep);
            $crate::client_config!(@boxed
                /// The clock used for signing and retries (default: the system clock).
                time_source: $crate::types::TimeSource,
                set_time_source: $crate::types::SharedTimeSource);
            /// Adds an interceptor that sees every request and response.
            pub fn interceptor(mut self, interceptor: impl $crate::types::Intercept + 'static) -> Self {
                self.0 = self.0.interceptor(interceptor);
                self
            }
            /// Stalled-stream protection: a call fails when a body moves less than one byte per
            /// second for longer than the grace period (default: on, 5 s grace).
            pub fn stalled_stream_protection(mut self, config: $crate::types::StalledStreamProtectionConfig) -> Self {
                self.0 = self.0.stalled_stream_protection(config);
                self
            }
            /// The largest response body a call reads, in bytes (default: 64 MiB); a larger one
            /// fails the call with a `ResponseError` whose source is
            /// `sdk_runtime::ResponseBodyTooLarge`. `u64::MAX`: no limit.
            pub fn max_response_body_size_bytes(mut self, bytes: u64) -> Self {
                self.0 = self.0.max_response_body_size_bytes(bytes);
                self
            }
            /// Turns `@requestCompression` (gzip of large bodies) off (default: on).
            pub fn disable_request_compression(mut self, disabled: bool) -> Self {
                self.0 = self.0.disable_request_compression(disabled);
                self
            }
            /// Compresses `@requestCompression` bodies of at least this many bytes (default: 10,240).
            pub fn request_min_compression_size_bytes(mut self, bytes: u32) -> Self {
                self.0 = self.0.request_min_compression_size_bytes(bytes);
                self
            }
            /// Checks `@required`, `@length`, `@range` and `@pattern` before sending (default: on).
            pub fn validation(mut self, enabled: bool) -> Self {
                self.0 = self.0.validation(enabled);
                self
            }
            /// Builds the configuration.
            pub fn build(self) -> Config {
                Config(self.0.build())
            }
        }
    };
}

/// The body of a builder's `build()`: the wrapped value, or a `BuildError` naming (by its model
/// name) the first `@required` member that is unset.
#[macro_export]
macro_rules! build_checked {
    ($value:expr; $($field:ident = $member:literal),* $(,)?) => {{
        let value = $value;
        $(
            if value.$field.is_none() {
                return ::std::result::Result::Err(::aws_smithy_types::error::operation::BuildError::missing_field(
                    $member,
                    "a required member was not set",
                ));
            }
        )*
        ::std::result::Result::Ok(value)
    }};
}

/// The marker a [`json_struct!`] member uses: the one given, or [`Same`](crate::serde::Same).
#[doc(hidden)]
#[macro_export]
macro_rules! __marker {
    () => {
        $crate::serde::Same
    };
    ($marker:ty) => {
        $marker
    };
}

/// An operation's fluent builder: the struct behind `client.<operation>()`, with `new`,
/// `as_input` and `send`. The member setters ([`fluent_setters!`]) and `into_paginator` go in a
/// separate `impl` of the generated crate.
#[macro_export]
macro_rules! fluent_builder {
    ($(#[$meta:meta])* $name:ident, $operation:ty, $input_builder:ty, $service:expr) => {
        $(#[$meta])*
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct $name {
            config: $crate::config::ConfigCore,
            inner: $input_builder,
        }
        impl $name {
            pub(crate) fn new(config: $crate::config::ConfigCore) -> Self {
                Self { config, inner: ::std::default::Default::default() }
            }
            /// The input set so far.
            pub fn as_input(&self) -> &$input_builder {
                &self.inner
            }
            /// Validates the input, sends the request (retrying as configured) and decodes the
            /// response.
            pub async fn send(self) -> $crate::InvokeResult<$operation> {
                let input = self
                    .inner
                    .build()
                    .map_err(::aws_smithy_runtime_api::client::result::SdkError::construction_failure)?;
                $crate::invoke::<$operation>(&$service, &self.config, input).await
            }
        }
    };
}
