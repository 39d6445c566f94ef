//! A failed upload explained: an upload is a side effect, like a send, so after a failure that
//! may have come after the server stored the file (a 5xx, a timeout, a broken connection, an
//! answer that is not an upload's) it is not sent again, and the user is told the file may have
//! been uploaded. The kind, and so the exit code, stays the one of the failure (SPEC 3).

use std::path::Path;

use crate::api;
use crate::error::Error;

/// Whether the upload may have been stored although it failed.
pub fn may_have_been_uploaded(err: &api::Error) -> bool {
    match err {
        api::Error::Api(api_err) => api_err.is_transient_server_error(),
        api::Error::Network { kind, .. } => kind.may_have_reached_server(),
        api::Error::Decode { .. } | api::Error::TooLarge { .. } => true,
        _ => false,
    }
}

/// The user-facing error for a failed upload of `path`.
pub fn explain(err: api::Error, path: &Path) -> Error {
    let shown = path.display();
    if !may_have_been_uploaded(&err) {
        return Error::from(err).context(format!("uploading {shown} failed"));
    }
    Error::from(err)
        .context(format!(
            "uploading {shown} failed after the request reached the API: the file may have been uploaded, \
             so it was not uploaded again"
        ))
        .with_hint(
            "upload it again to get a media id; an upload that went through unanswered is only an unused \
             copy (WhatsApp deletes media after 30 days)",
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;
    use crate::error::Kind;

    fn api(status: u16) -> api::Error {
        api::Error::Api(ApiError { status, code: None, subcode: None, message: "m".into(), details: vec![] })
    }

    #[test]
    fn a_5xx_or_a_broken_connection_may_have_uploaded_and_keeps_its_exit_code() {
        let err = explain(api(502), Path::new("a.png"));
        assert!(err.message.contains("may have been uploaded"), "{}", err.message);
        assert_eq!(err.kind, Kind::Failed);
        let broken = api::Error::Network {
            url: "u".into(),
            attempts: 1,
            kind: api::NetworkKind::Broken,
            cause: "c".into(),
        };
        let err = explain(broken, Path::new("a.png"));
        assert!(err.message.contains("may have been uploaded") && err.hint.is_some());
        assert_eq!(err.kind, Kind::Network);
    }

    #[test]
    fn a_refusal_or_a_connection_never_made_did_not_upload() {
        for err in [
            api(400),
            api(401),
            api::Error::Network {
                url: "u".into(),
                attempts: 4,
                kind: api::NetworkKind::NotConnected,
                cause: "c".into(),
            },
        ] {
            let err = explain(err, Path::new("a.png"));
            assert_eq!(err.message, "uploading a.png failed");
        }
    }
}
