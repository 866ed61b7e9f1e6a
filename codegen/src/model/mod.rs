//! The Smithy semantic model: what the loader produces from JSON AST files and what the IR reads.
//!
//! Everything here is resolved: files are merged, the prelude is present, mixins are flattened into
//! the shapes that use them, `apply` statements are folded in, and the traits the generator relies on
//! are parsed into typed fields (a trait value of the wrong type is a load error, never a panic later).

/// The Smithy type name (`structure`, `string`, ...) of a value of `$kind`, an enum with one
/// variant per shape type named as in Smithy ([`ShapeKind`] and the loader's `AstType`). The
/// `{ .. }` patterns match unit, tuple and struct variants alike, so one table serves both.
macro_rules! smithy_type_name {
    ($kind:ident, $value:expr) => {
        match $value {
            $kind::Blob { .. } => "blob",
            $kind::Boolean { .. } => "boolean",
            $kind::String { .. } => "string",
            $kind::Byte { .. } => "byte",
            $kind::Short { .. } => "short",
            $kind::Integer { .. } => "integer",
            $kind::Long { .. } => "long",
            $kind::Float { .. } => "float",
            $kind::Double { .. } => "double",
            $kind::BigInteger { .. } => "bigInteger",
            $kind::BigDecimal { .. } => "bigDecimal",
            $kind::Timestamp { .. } => "timestamp",
            $kind::Document { .. } => "document",
            $kind::Enum { .. } => "enum",
            $kind::IntEnum { .. } => "intEnum",
            $kind::List { .. } => "list",
            $kind::Map { .. } => "map",
            $kind::Structure { .. } => "structure",
            $kind::Union { .. } => "union",
            $kind::Service { .. } => "service",
            $kind::Operation { .. } => "operation",
            $kind::Resource { .. } => "resource",
        }
    };
}

mod ast;
mod error;
mod load;
mod prelude;
mod traits;
mod validate;
mod values;

pub use error::{ModelError, ModelErrors};
pub use load::{Source, load_model, load_model_from_sources};
pub use traits::*;
pub use values::parse_date_time;

use std::collections::BTreeMap;
use std::fmt;

/// An absolute shape id: `namespace#Name`, optionally `$member`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId {
    pub namespace: String,
    pub name: String,
}

impl ShapeId {
    /// Parses `ns#Name`; returns `None` for anything else (member ids included).
    pub fn parse(s: &str) -> Option<ShapeId> {
        let (namespace, name) = s.split_once('#')?;
        if namespace.is_empty() || name.is_empty() || name.contains('$') || name.contains('#') {
            return None;
        }
        Some(ShapeId {
            namespace: namespace.to_string(),
            name: name.to_string(),
        })
    }

    pub fn new(namespace: &str, name: &str) -> ShapeId {
        ShapeId {
            namespace: namespace.to_string(),
            name: name.to_string(),
        }
    }

    /// True for shapes of the Smithy prelude (`smithy.api#...`).
    pub fn is_prelude(&self) -> bool {
        self.namespace == "smithy.api"
    }
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.namespace, self.name)
    }
}

/// Where a shape was defined, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file, as it was given to the loader (or `<prelude>`).
    pub file: String,
}

/// The merged, resolved model of one or more files.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Every shape, prelude included, in id order.
    pub shapes: BTreeMap<ShapeId, Shape>,
    /// Merged `metadata` of all files.
    pub metadata: BTreeMap<String, serde_json::Value>,
    /// What the loader ignored but the user should know (trait properties it does not define),
    /// each naming the file, JSON path and what was ignored.
    pub warnings: Vec<ModelError>,
}

impl Model {
    pub fn get(&self, id: &ShapeId) -> Option<&Shape> {
        self.shapes.get(id)
    }

    /// `message` located at the definition of shape `id` (`file: $.shapes["id"]: message`),
    /// unless it already names a file and JSON path (`file: $...: ...`).
    pub fn locate(&self, id: &ShapeId, message: String) -> String {
        let message = crate::escape::untrusted(&message).into_owned();
        let located = message
            .split_once(": ")
            .is_some_and(|(_, rest)| rest.starts_with('$'));
        match self.get(id) {
            Some(shape) if !located => format!(
                "{}: {}: {message}",
                shape.origin.file,
                ast::JsonPath::shape(&id.to_string())
            ),
            _ => message,
        }
    }

    /// Service shapes, in id order.
    pub fn services(&self) -> impl Iterator<Item = &Shape> {
        self.shapes
            .values()
            .filter(|s| matches!(s.kind, ShapeKind::Service(_)))
    }
}

#[derive(Debug, Clone)]
pub struct Shape {
    pub id: ShapeId,
    pub kind: ShapeKind,
    pub traits: Traits,
    pub origin: Origin,
}

/// A structure, union, enum or intEnum member (mixins already applied).
#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    pub target: ShapeId,
    pub traits: Traits,
}

#[derive(Debug, Clone)]
pub enum ShapeKind {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    /// Members target `smithy.api#Unit`; each has an `enumValue` (defaults to its name).
    Enum(Vec<Member>),
    /// Members target `smithy.api#Unit`; each has an integer `enumValue`.
    IntEnum(Vec<Member>),
    List(Box<Member>),
    Map {
        key: Box<Member>,
        value: Box<Member>,
    },
    /// Members in model order.
    Structure(Vec<Member>),
    /// Members in model order.
    Union(Vec<Member>),
    Service(ServiceShape),
    Operation(OperationShape),
    Resource(ResourceShape),
}

impl ShapeKind {
    /// The Smithy type name (`structure`, `string`, ...), for messages.
    pub fn type_name(&self) -> &'static str {
        smithy_type_name!(ShapeKind, self)
    }
}

#[derive(Debug, Clone, Default)]
pub struct ServiceShape {
    pub version: Option<String>,
    /// Operations bound directly to the service.
    pub operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
    pub errors: Vec<ShapeId>,
    /// `rename` map: shape id -> new name.
    pub rename: BTreeMap<ShapeId, String>,
}

#[derive(Debug, Clone)]
pub struct OperationShape {
    /// `smithy.api#Unit` when absent.
    pub input: ShapeId,
    /// `smithy.api#Unit` when absent.
    pub output: ShapeId,
    pub errors: Vec<ShapeId>,
}

#[derive(Debug, Clone, Default)]
pub struct ResourceShape {
    pub identifiers: BTreeMap<String, ShapeId>,
    /// create, put, read, update, delete, list, operations and collectionOperations, in that order.
    pub operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
}
