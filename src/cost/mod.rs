//! cost engine (pure: no browser types). Being built; see its issue.
