//! The built-in Smithy prelude shapes (`smithy.api#String`, `Integer`, `Unit`, ...).
//!
//! Prelude traits need no shapes: any trait id is accepted, and only the traits parsed into
//! [`super::Traits`] are type-checked.

/// The name used as the origin file of prelude shapes.
pub(crate) const PRELUDE_FILE: &str = "<prelude>";

/// The prelude as a JSON AST document, parsed by the same code as user files.
pub(crate) const PRELUDE_JSON: &str = r#"{
    "smithy": "2.0",
    "shapes": {
        "smithy.api#String": {"type": "string"},
        "smithy.api#Blob": {"type": "blob"},
        "smithy.api#BigInteger": {"type": "bigInteger"},
        "smithy.api#BigDecimal": {"type": "bigDecimal"},
        "smithy.api#Timestamp": {"type": "timestamp"},
        "smithy.api#Document": {"type": "document"},
        "smithy.api#Boolean": {"type": "boolean"},
        "smithy.api#Byte": {"type": "byte"},
        "smithy.api#Short": {"type": "short"},
        "smithy.api#Integer": {"type": "integer"},
        "smithy.api#Long": {"type": "long"},
        "smithy.api#Float": {"type": "float"},
        "smithy.api#Double": {"type": "double"},
        "smithy.api#PrimitiveBoolean": {"type": "boolean", "traits": {"smithy.api#default": false}},
        "smithy.api#PrimitiveByte": {"type": "byte", "traits": {"smithy.api#default": 0}},
        "smithy.api#PrimitiveShort": {"type": "short", "traits": {"smithy.api#default": 0}},
        "smithy.api#PrimitiveInteger": {"type": "integer", "traits": {"smithy.api#default": 0}},
        "smithy.api#PrimitiveLong": {"type": "long", "traits": {"smithy.api#default": 0}},
        "smithy.api#PrimitiveFloat": {"type": "float", "traits": {"smithy.api#default": 0}},
        "smithy.api#PrimitiveDouble": {"type": "double", "traits": {"smithy.api#default": 0}},
        "smithy.api#Unit": {"type": "structure", "members": {}, "traits": {"smithy.api#unitType": {}}}
    }
}"#;

/// The id of the unit shape.
pub(crate) const UNIT: &str = "smithy.api#Unit";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prelude_parses_cleanly() {
        let value: serde_json::Value = match serde_json::from_str(PRELUDE_JSON) {
            Ok(v) => v,
            Err(e) => panic!("prelude is not valid JSON: {e}"),
        };
        let map = value.as_object().cloned().unwrap_or_default();
        let mut errors = Vec::new();
        let file = super::super::ast::parse_file(PRELUDE_FILE, &map, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(file.shapes.len(), 21);
    }
}
