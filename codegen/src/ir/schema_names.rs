//! Names of the schema statics a generated crate declares: `FOO_SCHEMA` for a structure or
//! union, `FOO_MEMBER_BAR` for a member, and `_ITEM` / `_KEY` / `_VALUE` after a member's name for
//! the members of the list or map it holds. Decided once per generated module, so no two statics
//! of a module collide whatever the shapes are called (`AbTest` and `ABTest` both upper-snake-case to
//! `AB_TEST`; a member `bar_item` meets the list items of a member `bar`).

use std::collections::BTreeSet;

use heck::ToShoutySnakeCase;

use super::names::{bare, first_free};
use super::{Field, RustType, Service, TypeDef};

/// Fills `schema_name` of every structure, union and member of `service`. Each generated module
/// is a scope of its own: the shared types (`types`, sorted by Rust name), the errors
/// (`types::error`), and each operation's module (its input, then its output).
pub fn assign(service: &mut Service) {
    let mut taken = BTreeSet::new();
    for def in &mut service.types {
        match def {
            TypeDef::Structure(s) => {
                shape(&mut taken, &s.rust_name, &mut s.schema_name, &mut s.fields)
            }
            TypeDef::Union(u) => shape(
                &mut taken,
                &u.rust_name,
                &mut u.schema_name,
                &mut u.variants,
            ),
            TypeDef::Enum(_) => {}
        }
    }
    let mut taken = BTreeSet::new();
    for s in &mut service.errors {
        shape(&mut taken, &s.rust_name, &mut s.schema_name, &mut s.fields);
    }
    for op in &mut service.operations {
        let mut taken = BTreeSet::new();
        for s in [&mut op.input, &mut op.output] {
            shape(&mut taken, &s.rust_name, &mut s.schema_name, &mut s.fields);
        }
    }
}

fn shape(taken: &mut BTreeSet<String>, rust_name: &str, name: &mut String, fields: &mut [Field]) {
    let upper = bare(rust_name).to_shouty_snake_case();
    *name = first_free(&format!("{upper}_SCHEMA"), |c| !taken.contains(c));
    taken.insert(name.clone());
    for field in fields {
        let base = format!(
            "{upper}_MEMBER_{}",
            bare(&field.rust_name).to_shouty_snake_case()
        );
        // The member's name is free only when the names of its nested members are too.
        let chosen = first_free(&base, |c| {
            let mut names = vec![c.to_string()];
            nested_names(c, &field.ty, &mut names);
            names.iter().all(|n| !taken.contains(n))
        });
        let mut names = vec![chosen.clone()];
        nested_names(&chosen, &field.ty, &mut names);
        taken.extend(names);
        field.schema_name = chosen;
    }
}

/// The statics the members of a list or map value named `name` take (see the module docs).
pub fn nested_names(name: &str, ty: &RustType, out: &mut Vec<String>) {
    match ty {
        RustType::List { item, .. } => {
            let item_name = list_item(name);
            nested_names(&item_name, item, out);
            out.push(item_name);
        }
        RustType::Map { value, .. } => {
            let (key, value_name) = map_entry(name);
            nested_names(&value_name, value, out);
            out.push(key);
            out.push(value_name);
        }
        _ => {}
    }
}

/// The static of the items of the list member `name`.
pub fn list_item(name: &str) -> String {
    format!("{name}_ITEM")
}

/// The statics of the keys and values of the map member `name`.
pub fn map_entry(name: &str) -> (String, String) {
    (format!("{name}_KEY"), format!("{name}_VALUE"))
}
