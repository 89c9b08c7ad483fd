//! How a type declares its JSON reading and writing beside itself:
//! [`json_struct!`](crate::json_struct) for a struct (its fields listed once, with their
//! defaults), [`json_named!`](crate::json_named) for an enum written as its id. Both expand to [`Decode`](super::decode::Decode) and
//! [`Encode`](super::encode::Encode) impls.

/// Declares a struct and its JSON reading (and writing, with `impl Decode, Encode`): each field
/// is an object member of the same name, required unless it has a default (`= None`,
/// `= true`, …), which is what an absent member reads as. A member the struct does not have is
/// refused. The field list is written once, here, so a new field is read and written at once.
/// Every field's type has a [`Placeholder`](super::decode::Placeholder) (any `Default` type
/// does; an enum gets one from `json_named!`), the value left in a field while its struct fails
/// to read.
///
/// ```ignore
/// json_struct! {
///     impl Decode;
///     /// One answer option.
///     #[derive(Clone, Debug, PartialEq)]
///     pub struct Choice {
///         pub id: String,
///         pub hint: Option<String> = None,
///         pub exclusive: bool = false,
///     }
/// }
/// ```
#[macro_export]
macro_rules! json_struct {
    (impl Decode; $($item:tt)*) => {
        $crate::json_struct!(@struct () $($item)*);
    };
    (impl Decode, Encode; $($item:tt)*) => {
        $crate::json_struct!(@struct (Encode) $($item)*);
    };
    (
        @struct ($($encode:ident)?)
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $($(#[$fmeta:meta])* $fvis:vis $field:ident : $ty:ty $(= $default:expr)?),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $($(#[$fmeta])* $fvis $field: $ty,)*
        }

        impl $crate::content::decode::Decode for $name {
            fn decode(v: &$crate::content::json::Json) -> Result<Self, String> {
                let f = $crate::content::decode::Fields::of(v)?;
                let mut err = None;
                let value = $name {
                    $($field: $crate::json_struct!(
                        @read f, err, $ty, stringify!($field) $(, $default)?
                    ),)*
                };
                match f.done(&mut err) {
                    true => Ok(value),
                    false => Err(err.unwrap_or_default()),
                }
            }
        }

        $crate::json_struct!(@encode ($($encode)?) $name { $($field),* });
    };
    (@encode () $name:ident { $($field:ident),* }) => {};
    (@encode (Encode) $name:ident { $($field:ident),* }) => {
        impl $crate::content::encode::Encode for $name {
            fn encode(&self, out: &mut String) {
                $crate::content::encode::Obj::start(out)
                    $(.field(stringify!($field), &self.$field))*
                    .end();
            }
        }
    };
    (@read $f:ident, $err:ident, $ty:ty, $name:expr) => {
        $f.fill::<$ty>($name, &mut $err)
    };
    (@read $f:ident, $err:ident, $ty:ty, $name:expr, $default:expr) => {
        $f.fill_or::<$ty>($name, $default, &mut $err)
    };
}

/// Reading and writing of enums as their ids, through each one's `ALL` list and `id` method.
/// A field's [`Placeholder`] is the first variant, unless the enum has a `Default`
/// (`json_named!(InsurerKind: Default)`).
#[macro_export]
macro_rules! json_named {
    ($($ty:ty $(: $default:ident)?),* $(,)?) => {$(
        impl $crate::content::decode::Decode for $ty {
            fn decode(v: &$crate::content::json::Json) -> Result<Self, String> {
                $crate::content::decode::named(v, &<$ty>::ALL, <$ty>::id)
            }
        }

        impl $crate::content::encode::Encode for $ty {
            fn encode(&self, out: &mut String) {
                $crate::content::encode::Encode::encode(self.id(), out)
            }
        }

        $crate::json_named!(@placeholder $ty $(: $default)?);
    )*};
    (@placeholder $ty:ty) => {
        impl $crate::content::decode::Placeholder for $ty {
            fn placeholder() -> Self {
                <$ty>::ALL[0]
            }
        }
    };
    (@placeholder $ty:ty : Default) => {};
}
