//! A shape's schema (static data) and its serialise / deserialise pair.
//!
//! Each structure and union gets a `static` [`Schema`] per body member and one for the shape,
//! a `SerializableStruct` impl that hands every set member to the shape serializer, and a
//! `DeserializeShape` impl that reads members back by index. Nothing here names a wire format:
//! the runtime's codec decides what the bytes look like.
//!
//! [`Schema`]: https://docs.rs/aws-smithy-schema

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::ident;
use crate::ir::{Field, NamedKind, RustType, Structure, TimestampFormat, Union, schema_names};

const RT: &str = "::sdk_runtime::schema";

fn rt() -> TokenStream {
    RT.parse().unwrap_or_default()
}

fn shape_type(ty: &RustType) -> TokenStream {
    let rt = rt();
    let variant = match ty {
        RustType::String => "String",
        RustType::Bool => "Boolean",
        RustType::I8 => "Byte",
        RustType::I16 => "Short",
        RustType::I32 => "Integer",
        RustType::I64 => "Long",
        RustType::F32 => "Float",
        RustType::F64 => "Double",
        RustType::BigNumber => "BigDecimal",
        RustType::DateTime(_) => "Timestamp",
        RustType::Blob => "Blob",
        RustType::Document => "Document",
        RustType::Named { kind, .. } => match kind {
            NamedKind::Structure => "Structure",
            NamedKind::Union => "Union",
            NamedKind::Enum => "String",
            NamedKind::IntEnum => "Integer",
        },
        RustType::List { .. } => "List",
        RustType::Map { .. } => "Map",
        RustType::Unit => "Structure",
    };
    let variant = format_ident!("{variant}");
    quote!(#rt::ShapeType::#variant)
}

fn timestamp_format(ty: &RustType) -> Option<TokenStream> {
    let RustType::DateTime(format) = ty else {
        return None;
    };
    let rt = rt();
    let variant = match format {
        TimestampFormat::DateTime => quote!(DateTime),
        TimestampFormat::EpochSeconds => quote!(EpochSeconds),
        TimestampFormat::HttpDate => quote!(HttpDate),
    };
    Some(quote!(.with_timestamp_format(#rt::TimestampFormat::#variant)))
}

/// Where a member schema sits: the namespace and name of its container, its name and index.
struct MemberAt<'a> {
    ns: &'a str,
    container: String,
    member: &'a str,
    index: usize,
}

impl<'a> MemberAt<'a> {
    /// A member of the list or map this member targets (`Container$member`).
    fn nested(&self, member: &'a str, index: usize) -> Self {
        MemberAt {
            ns: self.ns,
            container: format!("{}${}", self.container, self.member),
            member,
            index,
        }
    }
}

/// The statics of one member schema and of the schemas nested in its list / map type.
struct MemberSchemas {
    items: Vec<TokenStream>,
}

impl MemberSchemas {
    /// Declares the schema `name` for a value of type `ty` at `at`, with the extra settings
    /// `extra`.
    fn declare(&mut self, name: &Ident, at: &MemberAt<'_>, ty: &RustType, extra: TokenStream) {
        let rt = rt();
        let shape_type = shape_type(ty);
        let format = timestamp_format(ty);
        let index = proc_macro2::Literal::usize_unsuffixed(at.index);
        let nested = match ty {
            RustType::List { item, .. } => {
                let item_name = format_ident!("{}", schema_names::list_item(&name.to_string()));
                self.declare(&item_name, &at.nested("member", 0), item, quote!());
                quote!(.with_list_member(&#item_name))
            }
            RustType::Map { value, .. } => {
                let (key_name, value_name) = schema_names::map_entry(&name.to_string());
                let (key_name, value_name) =
                    (format_ident!("{key_name}"), format_ident!("{value_name}"));
                self.declare(&key_name, &at.nested("key", 0), &RustType::String, quote!());
                self.declare(&value_name, &at.nested("value", 1), value, quote!());
                quote!(.with_map_members(&#key_name, &#value_name))
            }
            _ => quote!(),
        };
        let (ns, container, member) = (at.ns, &at.container, at.member);
        self.items.push(quote! {
            static #name: #rt::Schema<'static> =
                #rt::Schema::new_member(#rt::shape_id!(#ns, #container), #shape_type, #member, #index)
                    #format #nested #extra;
        });
    }
}

/// Schema statics, `SerializableStruct` and `DeserializeShape` for a structure; `fields` are the
/// members that travel in the body, `corrected` the ones error correction fills when absent.
pub fn structure(s: &Structure, fields: &[&Field], corrected: &[&Field]) -> TokenStream {
    let rt = rt();
    let name = ident(&s.rust_name);
    let shape = format_ident!("{}", s.schema_name);
    let (ns, shape_name) = (&s.id.namespace, &s.id.name);
    let mut schemas = MemberSchemas { items: Vec::new() };
    let mut member_names = Vec::new();
    for (index, f) in fields.iter().enumerate() {
        let member = format_ident!("{}", f.schema_name);
        let at = MemberAt {
            ns,
            container: shape_name.clone(),
            member: &f.member,
            index,
        };
        schemas.declare(&member, &at, &f.ty, member_extra(f));
        member_names.push(member);
    }
    let statics = schemas.items;
    let writes = fields.iter().zip(&member_names).map(|(f, m)| {
        let field = ident(&f.rust_name);
        let value = if f.boxed {
            quote!(&**value)
        } else {
            quote!(value)
        };
        let write = write_value(&value, &f.ty, &quote!(&#m), m);
        if f.optional {
            quote! {
                if let ::std::option::Option::Some(value) = &self.#field {
                    #write?;
                }
            }
        } else {
            quote! {
                let value = &self.#field;
                #write?;
            }
        }
    });
    let arms = fields
        .iter()
        .zip(&member_names)
        .enumerate()
        .map(|(i, (f, m))| {
            let i = proc_macro2::Literal::usize_unsuffixed(i);
            let field = ident(&f.rust_name);
            let read = read_value(&f.ty, &quote!(member), m);
            let value = if f.boxed {
                quote!(::std::boxed::Box::new(#read?))
            } else {
                quote!(#read?)
            };
            let value = if f.optional {
                quote!(::std::option::Option::Some(#value))
            } else {
                value
            };
            quote!(::std::option::Option::Some(#i) => out.#field = #value,)
        });
    let corrections = corrected.iter().map(|f| {
        let field = ident(&f.rust_name);
        let zero = zero_value(&f.ty);
        let zero = if f.boxed {
            quote!(::std::boxed::Box::new(#zero))
        } else {
            zero
        };
        quote! {
            if out.#field.is_none() {
                out.#field = ::std::option::Option::Some(#zero);
            }
        }
    });
    let mutability = if fields.is_empty() && corrected.is_empty() {
        quote!()
    } else {
        quote!(mut)
    };
    let reader = if fields.is_empty() {
        quote! {
            #rt::read_struct(d, &#shape, &mut |_, d| d.skip_value())?;
        }
    } else {
        quote! {
            #rt::read_struct(d, &#shape, &mut |member, d| {
                match member.member_index() {
                    #(#arms)*
                    _ => d.skip_value()?,
                }
                ::std::result::Result::Ok(())
            })?;
        }
    };
    let serializer = if fields.is_empty() {
        quote!(_s)
    } else {
        quote!(s)
    };
    quote! {
        #(#statics)*
        static #shape: #rt::Schema<'static> = #rt::Schema::new_struct(
            #rt::shape_id!(#ns, #shape_name),
            #rt::ShapeType::Structure,
            &[#(&#member_names),*],
        );
        impl #rt::SerializableStruct for #name {
            fn schema(&self) -> &#rt::Schema<'_> {
                &#shape
            }
            fn serialize_members(
                &self,
                #serializer: &mut dyn #rt::ShapeSerializer,
            ) -> ::std::result::Result<(), #rt::SerdeError> {
                #(#writes)*
                ::std::result::Result::Ok(())
            }
        }
        impl #rt::DeserializeShape for #name {
            fn deserialize(
                d: &mut dyn #rt::ShapeDeserializer,
            ) -> ::std::result::Result<Self, #rt::SerdeError> {
                let #mutability out = <Self as ::std::default::Default>::default();
                #reader
                #(#corrections)*
                ::std::result::Result::Ok(out)
            }
        }
    }
}

/// Schema statics, `SerializableStruct` and `DeserializeShape` for a union.
pub fn union(u: &Union) -> TokenStream {
    let rt = rt();
    let name = ident(&u.rust_name);
    let unknown = ident(&u.unknown_variant);
    let shape = format_ident!("{}", u.schema_name);
    let (ns, shape_name) = (&u.id.namespace, &u.id.name);
    let mut schemas = MemberSchemas { items: Vec::new() };
    let mut member_names = Vec::new();
    for (index, f) in u.variants.iter().enumerate() {
        let member = format_ident!("{}", f.schema_name);
        let at = MemberAt {
            ns,
            container: shape_name.clone(),
            member: &f.member,
            index,
        };
        schemas.declare(&member, &at, &f.ty, member_extra(f));
        member_names.push(member);
    }
    let statics = schemas.items;
    let writes = u.variants.iter().zip(&member_names).map(|(f, m)| {
        let variant = ident(&f.variant);
        let value = if f.boxed {
            quote!(&**value)
        } else {
            quote!(value)
        };
        let write = write_value(&value, &f.ty, &quote!(&#m), m);
        quote!(Self::#variant(value) => #write,)
    });
    let unknown_message = format!(
        "cannot send `{}::{}`: it stands for a variant this client does not know",
        u.rust_name, u.unknown_variant
    );
    let arms = u
        .variants
        .iter()
        .zip(&member_names)
        .enumerate()
        .map(|(i, (f, m))| {
            let i = proc_macro2::Literal::usize_unsuffixed(i);
            let variant = ident(&f.variant);
            let read = read_value(&f.ty, &quote!(member), m);
            let value = if f.boxed {
                quote!(::std::boxed::Box::new(#read?))
            } else {
                quote!(#read?)
            };
            quote!(::std::option::Option::Some(#i) => Self::#variant(#value),)
        });
    let many = format!("a `{}` union sets more than one member", u.id.name);
    let reader = if u.variants.is_empty() {
        quote! {
            #rt::read_struct(d, &#shape, &mut |_, d| d.skip_value())?;
            ::std::result::Result::Ok(Self::#unknown)
        }
    } else {
        quote! {
            let mut out = ::std::option::Option::None;
            #rt::read_struct(d, &#shape, &mut |member, d| {
                let value = match member.member_index() {
                    #(#arms)*
                    _ => return d.skip_value(),
                };
                if out.replace(value).is_some() {
                    return ::std::result::Result::Err(#rt::SerdeError::custom(#many));
                }
                ::std::result::Result::Ok(())
            })?;
            ::std::result::Result::Ok(out.unwrap_or(Self::#unknown))
        }
    };
    let serializer = if u.variants.is_empty() {
        quote!(_s)
    } else {
        quote!(s)
    };
    quote! {
        #(#statics)*
        static #shape: #rt::Schema<'static> = #rt::Schema::new_struct(
            #rt::shape_id!(#ns, #shape_name),
            #rt::ShapeType::Union,
            &[#(&#member_names),*],
        );
        impl #rt::SerializableStruct for #name {
            fn schema(&self) -> &#rt::Schema<'_> {
                &#shape
            }
            fn serialize_members(
                &self,
                #serializer: &mut dyn #rt::ShapeSerializer,
            ) -> ::std::result::Result<(), #rt::SerdeError> {
                match self {
                    #(#writes)*
                    Self::#unknown => ::std::result::Result::Err(#rt::SerdeError::custom(#unknown_message)),
                }
            }
        }
        impl #rt::DeserializeShape for #name {
            fn deserialize(
                d: &mut dyn #rt::ShapeDeserializer,
            ) -> ::std::result::Result<Self, #rt::SerdeError> {
                #reader
            }
        }
    }
}

/// `@jsonName` and `@sensitive` on a member schema.
fn member_extra(f: &Field) -> TokenStream {
    let json_name = (f.wire_name != f.member).then(|| {
        let wire = &f.wire_name;
        quote!(.with_json_name(#wire))
    });
    let sensitive = f.sensitive.then(|| quote!(.with_sensitive()));
    quote!(#json_name #sensitive)
}

/// An expression writing `value` (a reference to a `ty`) with the member schema `schema`;
/// `name` is the schema static's name, the stem of nested schemas' names.
fn write_value(
    value: &TokenStream,
    ty: &RustType,
    schema: &TokenStream,
    name: &Ident,
) -> TokenStream {
    let rt = rt();
    match ty {
        RustType::String => quote!(s.write_string(#schema, #value)),
        RustType::Bool => quote!(s.write_boolean(#schema, *#value)),
        RustType::I8 => quote!(s.write_byte(#schema, *#value)),
        RustType::I16 => quote!(s.write_short(#schema, *#value)),
        RustType::I32 => quote!(s.write_integer(#schema, *#value)),
        RustType::I64 => quote!(s.write_long(#schema, *#value)),
        RustType::F32 => quote!(s.write_float(#schema, *#value)),
        RustType::F64 => quote!(s.write_double(#schema, *#value)),
        RustType::BigNumber => quote!(#rt::write_big_number(s, #schema, #value)),
        RustType::DateTime(_) => quote!(s.write_timestamp(#schema, #value)),
        RustType::Blob => quote!(s.write_blob(#schema, ::std::clone::Clone::clone(#value))),
        RustType::Document => quote!(s.write_document(#schema, #value)),
        RustType::Named { kind, .. } => match kind {
            NamedKind::Structure | NamedKind::Union => quote!(s.write_struct(#schema, #value)),
            NamedKind::Enum => quote!(s.write_string(#schema, #value.as_str())),
            NamedKind::IntEnum => quote!(s.write_integer(#schema, #value.as_i32())),
        },
        RustType::Unit => quote!(s.write_struct(#schema, &::sdk_runtime::shape::Unit)),
        RustType::List { item, sparse, .. } => {
            let item_name = format_ident!("{name}_ITEM");
            let write = write_value(&quote!(value), item, &quote!(&#item_name), &item_name);
            if *sparse {
                quote!(#rt::write_sparse_list(s, #schema, &#item_name, #value, &|s, value| #write))
            } else {
                quote!(#rt::write_list(s, #schema, #value, &|s, value| #write))
            }
        }
        RustType::Map {
            value: v, sparse, ..
        } => {
            let key_name = format_ident!("{name}_KEY");
            let value_name = format_ident!("{name}_VALUE");
            let write = write_value(&quote!(value), v, &quote!(&#value_name), &value_name);
            if *sparse {
                quote!(#rt::write_sparse_map(s, #schema, &#key_name, &#value_name, #value, &|s, value| #write))
            } else {
                quote!(#rt::write_map(s, #schema, &#key_name, #value, &|s, value| #write))
            }
        }
    }
}

/// An expression reading a `ty` from `d` with the member schema `schema` (a `Result`).
fn read_value(ty: &RustType, schema: &TokenStream, name: &Ident) -> TokenStream {
    let rt = rt();
    match ty {
        RustType::String => quote!(d.read_string(#schema)),
        RustType::Bool => quote!(d.read_boolean(#schema)),
        RustType::I8 => quote!(d.read_byte(#schema)),
        RustType::I16 => quote!(d.read_short(#schema)),
        RustType::I32 => quote!(d.read_integer(#schema)),
        RustType::I64 => quote!(d.read_long(#schema)),
        RustType::F32 => quote!(d.read_float(#schema)),
        RustType::F64 => quote!(d.read_double(#schema)),
        RustType::BigNumber => quote!(#rt::read_big_number(d, #schema)),
        RustType::DateTime(_) => quote!(d.read_timestamp(#schema)),
        RustType::Blob => quote!(d.read_blob(#schema)),
        RustType::Document => quote!(d.read_document(#schema)),
        RustType::Named { name: ty, kind, .. } => {
            let ty = ident(ty);
            match kind {
                NamedKind::Structure | NamedKind::Union => {
                    quote!(<crate::types::#ty as #rt::DeserializeShape>::deserialize(d))
                }
                NamedKind::Enum => quote!(d.read_string(#schema).map(crate::types::#ty::from)),
                NamedKind::IntEnum => quote!(d.read_integer(#schema).map(crate::types::#ty::from)),
            }
        }
        RustType::Unit => {
            quote!(<::sdk_runtime::shape::Unit as #rt::DeserializeShape>::deserialize(d))
        }
        RustType::List { item, sparse, .. } => {
            let item_name = format_ident!("{name}_ITEM");
            let read = read_value(item, &quote!(&#item_name), &item_name);
            if *sparse {
                quote!(#rt::read_sparse_list(d, #schema, &|d| #read))
            } else {
                quote!(#rt::read_list(d, #schema, &|d| #read))
            }
        }
        RustType::Map { value, sparse, .. } => {
            let value_name = format_ident!("{name}_VALUE");
            let read = read_value(value, &quote!(&#value_name), &value_name);
            if *sparse {
                quote!(#rt::read_sparse_map(d, #schema, &|d| #read))
            } else {
                quote!(#rt::read_map(d, #schema, &|d| #read))
            }
        }
    }
}

/// The value error correction gives a required member the response left out.
pub(super) fn zero_value(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String | RustType::BigNumber => quote!(::std::string::String::new()),
        RustType::Bool => quote!(false),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => quote!(0),
        RustType::F32 | RustType::F64 => quote!(0.0),
        RustType::DateTime(_) => quote!(::aws_smithy_types::DateTime::from_secs(0)),
        RustType::Blob => quote!(::aws_smithy_types::Blob::new(::std::vec::Vec::new())),
        RustType::Document => quote!(::aws_smithy_types::Document::Null),
        RustType::List { .. } => quote!(::std::vec::Vec::new()),
        RustType::Map { .. } => quote!(::std::collections::HashMap::new()),
        RustType::Named { name, kind, .. } => {
            let ty = ident(name);
            match kind {
                NamedKind::Enum => quote!(crate::types::#ty::from("")),
                NamedKind::IntEnum => quote!(crate::types::#ty::from(0)),
                NamedKind::Structure | NamedKind::Union => {
                    quote!(<crate::types::#ty as ::std::default::Default>::default())
                }
            }
        }
        RustType::Unit => quote!(::sdk_runtime::shape::Unit),
    }
}
