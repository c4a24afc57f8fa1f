#pragma once
#include <string>

#include "core/error.hpp"
#include "core/net/http.hpp"

namespace jb::net {
class Session;
struct PullTarget;
}  // namespace jb::net

// Signing in to a БАРС server and recognising an ended session (the online half of the adapter).
namespace jb::bars {

// The session cookie is no longer accepted (HTTP 403, a 200 with a Server.UserNotAuthenticated
// fault, the sign-in page, or a redirect to it): sign in again, or ask the user for a fresh cookie.
class SessionExpired : public Error {
public:
    using Error::Error;
};

// POST /auth/login with the password (never journaled or captured), then GET the redirect once,
// as the server requires before its API answers. Wrong password, lock-out and an account that must
// first finish its registration stop with net::AuthError and their own message; none is retried.
void sign_in(const std::string& base_url, const net::PullTarget& target, net::Session& session);

// A `sessionid` copied from a browser (ЕСИА-only regions): its value alone or «sessionid=…».
void use_pasted_session(const std::string& base_url, const std::string& pasted, net::Session& session);

// API requests go out with expects_json = false, so that the sign-in page served with 200 (an
// ended session) reaches check_answer instead of being retried; this retry predicate then asks
// again for JSON cut off with a consistent length and for other HTML pages (a proxy's error page).
bool worth_retrying(const net::Response& response);

// Every final answer of the walk: an ended session throws SessionExpired; another fault
// (Client.ValidationError, …) or an HTTP error stops the pull with the server's words.
void check_answer(const net::Request& request, const net::Response& response);

}  // namespace jb::bars
