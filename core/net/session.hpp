#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/net/http.hpp"
#include "core/net/journal.hpp"
#include "core/net/rate_limiter.hpp"
#include "core/net/retry.hpp"

namespace jb {
class Progress;
}

namespace jb::net {

struct SessionOptions {
    int concurrency = 4;   // requests in flight at once (hides latency; the rate is what keeps it polite)
    double rate = 4;       // request starts per second over all of them (0: no limit)
    RetryPolicy retry;
    ClientOptions client;
    bool show_progress = false;
};

struct Exchange {
    Request request;
    Response response;
    bool replayed = false;  // answered from the journal of an earlier, interrupted run
};

// The credentials were refused (HTTP 401): retrying will not help, the user must act.
class AuthError : public Error {
public:
    using Error::Error;
};

// Everything an online pull sends goes through a session: bounded concurrency, a polite rate,
// retries with backoff, a journal of finished requests (replayed after a kill) and the ordered
// list of exchanges that make up the capture.
class Session {
public:
    Session(SessionOptions options, Journal& journal);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // A header sent with every request (e.g. the access token); scrubbed in every capture.
    void set_header(std::string name, std::string value);
    // A cookie pasted by the user (e.g. a session id copied from a browser), for the host of
    // `base_url`; kept in the shared cookie jar, so the server can refresh it. Never journaled.
    void add_cookie(const std::string& base_url, const std::string& name, const std::string& value);
    void set_retry_predicate(RetryPredicate predicate) { platform_retry_ = std::move(predicate); }
    // A platform's look at every final answer before it is journaled (e.g. its sign-in page served
    // with 200 where data was expected). Throwing jb::Error stops the pull and keeps that answer out
    // of the journal, so a rerun asks for it again.
    using AnswerCheck = std::function<void(const Request&, const Response&)>;
    void set_answer_check(AnswerCheck check) { answer_check_ = std::move(check); }

    // Runs the requests (in parallel up to the concurrency) and returns the final answers in the
    // same order. Answers that are final but not 2xx are returned too (the puller decides); an
    // exchange still failing after the last retry, or a 401, throws jb::Error naming the URL.
    std::vector<Exchange> fetch(const std::vector<Request>& requests);
    Exchange fetch_one(const Request& request);

    // A request that must leave no trace (a sign-in POST carrying a password): sent at the polite
    // rate and retried like the others (the answer check aside), but never journaled, never
    // replayed and never part of the capture. Cookies it sets are kept for the later requests.
    // Not to be called while fetch() runs.
    Response send_unrecorded(const Request& request);

    // Journal keys of every exchange of the capture, in the order the puller asked for them.
    const std::vector<std::string>& capture_order() const { return order_; }

    std::int64_t sent() const { return sent_; }
    std::int64_t retried() const { return retried_; }
    std::int64_t replayed() const { return replayed_; }

private:
    Exchange run_one(const Request& request, HttpClient& client, std::uint64_t seed);

    SessionOptions options_;
    Journal& journal_;
    Headers extra_headers_;
    RetryPredicate platform_retry_;
    AnswerCheck answer_check_;
    RateLimiter limiter_;
    CookieJar cookies_;
    std::vector<std::unique_ptr<HttpClient>> clients_;
    std::vector<std::string> order_;
    std::atomic<std::int64_t> sent_{0}, retried_{0}, replayed_{0}, done_{0};
    std::unique_ptr<Progress> progress_;
    std::mutex progress_mutex_;
    std::uint64_t request_counter_ = 0;
};

}  // namespace jb::net
