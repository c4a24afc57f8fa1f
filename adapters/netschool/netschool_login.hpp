#pragma once
#include <string>

#include "core/net/http.hpp"
#include "core/net/puller.hpp"
#include "core/net/session.hpp"

// NetSchool's login as docs/platforms/netschool.md §2.1 describes it: logindata → auth/getdata →
// login with the salted windows-1251 MD5 proof, the multi-role re-login, the SecurityWarning
// acknowledgement and the logout. Every exchange of it is sent unrecorded.
namespace jb::netschool {

// The login ended while pulling: NetSchool's login page or its SecurityWarning page served with 200
// where JSON was expected.
class SessionEnded : public net::AuthError {
public:
    using net::AuthError::AuthError;
};

class Api {
public:
    explicit Api(std::string base) : base_(std::move(base)) {}
    net::Request get(const std::string& path) const;  // path under /webapi/
    net::Request post_form(const std::string& path, const std::string& body) const;
    net::Request post_json(const std::string& path, const std::string& body) const;
    const std::string& base() const { return base_; }

private:
    std::string base_;
};

struct LoginState {
    std::string at, ver;
    long long time_out_ms = 0;
    int logins = 0;
};

// Logs in with target.login and target.secret at school target.school, then sends the `at` header
// with every later request. Throws net::AuthError for a refused password (409) and jb::Error when
// the server allows no password login (ЕСИА only).
LoginState log_in(const Api& api, const net::PullTarget& target, net::Session& session);
// Best effort: a failed logout leaves the login to expire on its own.
void log_out(const Api& api, const LoginState& state, net::Session& session);

// The session's look at every answer: NetSchool's login or SecurityWarning page with 200 → SessionEnded.
void check_answer(const net::Request& request, const net::Response& response);
// 2xx answers to retry: cut-off JSON, an HTML page that is neither the login nor the SecurityWarning
// page (a WAF or proxy page).
bool is_retryable_answer(const net::Response& response);

}  // namespace jb::netschool
