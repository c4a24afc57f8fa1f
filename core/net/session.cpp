#include "core/net/session.hpp"

#include <exception>
#include <random>
#include <thread>

#include "core/error.hpp"
#include "core/net/har_writer.hpp"
#include "core/net/scrub.hpp"
#include "core/progress.hpp"
#include "core/url.hpp"

namespace jb::net {

Session::Session(SessionOptions options, Journal& journal)
    : options_(std::move(options)), journal_(journal), limiter_(options_.rate),
      progress_(std::make_unique<Progress>("pulling", options_.show_progress, "requests")) {
    if (options_.concurrency < 1) options_.concurrency = 1;
    if (options_.retry.max_attempts < 1) options_.retry.max_attempts = 1;
    for (int i = 0; i < options_.concurrency; ++i)
        clients_.push_back(std::make_unique<HttpClient>(options_.client, &cookies_));
}

Session::~Session() = default;

void Session::set_header(std::string name, std::string value) {
    for (auto& [existing, old] : extra_headers_)
        if (existing == name) {
            old = std::move(value);
            return;
        }
    extra_headers_.emplace_back(std::move(name), std::move(value));
}

void Session::add_cookie(const std::string& base_url, const std::string& name, const std::string& value) {
    std::string host = parse_url(base_url).host;
    if (host.starts_with('['))
        host = host.substr(1, host.find(']') - 1);  // [::1]:8080 → ::1
    else if (std::size_t colon = host.rfind(':'); colon != std::string::npos)
        host.erase(colon);
    cookies_.add(host, name, value);
}

namespace {
std::string key_of(const Request& request) {
    std::string key = journal_key(request.method, request.url, request.body);
    if (!request.journal_variant.empty()) key += "\n#variant " + request.journal_variant;
    return key;
}
}  // namespace

Exchange Session::run_one(const Request& asked, HttpClient& client, std::uint64_t seed) {
    Exchange exchange;
    exchange.request = asked;
    std::string key = key_of(asked);
    if (auto line = journal_.find(key)) {
        try {
            exchange.response = parse_har_entry_line(*line).response;
        } catch (const Error& e) {
            throw Error(journal_.path() + ": the entry for " + scrub_url(asked.url) + " is damaged (" + e.what() +
                        "); delete the journal to pull afresh");
        }
        exchange.replayed = true;
        ++replayed_;
        return exchange;
    }
    Request request = asked;
    for (const auto& header : extra_headers_) request.headers.push_back(header);
    std::mt19937_64 random(seed);
    for (int attempt = 1;; ++attempt) {
        limiter_.acquire();
        ++sent_;
        Response response = client.perform(request);
        if (response.status == 401)
            throw AuthError("HTTP 401 from " + scrub_url(request.url) +
                            ": the server refused the credentials; the access token has expired or is wrong. Get a "
                            "new one (docs/pull.md) and run the same command again: the " +
                            std::to_string(journal_.size()) + " finished requests kept in " + journal_.path() +
                            " will not be asked again");
        std::optional<std::string> reason = retry_reason(request, response, platform_retry_);
        if (!reason) {
            if (answer_check_) answer_check_(request, response);
            journal_.append(key, har_entry_line(request, response));
            exchange.response = std::move(response);
            return exchange;
        }
        if (attempt >= options_.retry.max_attempts)
            throw Error(scrub_url(request.url) + ": gave up after " + std::to_string(attempt) + " attempts; last: " +
                        *reason + ". The " + std::to_string(journal_.size()) + " finished requests are kept in " +
                        journal_.path() + ": run the same command again to continue");
        ++retried_;
        std::this_thread::sleep_for(backoff_delay(options_.retry, attempt, random(), &response));
    }
}

std::vector<Exchange> Session::fetch(const std::vector<Request>& requests) {
    std::vector<Exchange> results(requests.size());
    for (const auto& request : requests) order_.push_back(key_of(request));
    std::uint64_t base_seed = std::random_device{}() ^ (request_counter_ += requests.size());

    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&](HttpClient& client) {
        for (;;) {
            if (stop) return;
            std::size_t index = next++;
            if (index >= requests.size()) return;
            try {
                results[index] = run_one(requests[index], client, base_seed + index);
                ++done_;
                std::lock_guard lock(progress_mutex_);
                progress_->tick(done_);  // the total grows as the walk discovers classes and windows
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                stop = true;
                return;
            }
        }
    };
    std::size_t workers = std::min<std::size_t>(clients_.size(), requests.size());
    if (workers <= 1) {
        if (!requests.empty()) work(*clients_[0]);
    } else {
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < workers; ++i) threads.emplace_back(work, std::ref(*clients_[i]));
        for (auto& thread : threads) thread.join();
    }
    if (failure) {
        progress_->finish();
        std::rethrow_exception(failure);
    }
    return results;
}

Exchange Session::fetch_one(const Request& request) { return std::move(fetch({request}).front()); }

Response Session::send_unrecorded(const Request& asked) {
    Request request = asked;
    for (const auto& header : extra_headers_) request.headers.push_back(header);
    std::mt19937_64 random(std::random_device{}());
    for (int attempt = 1;; ++attempt) {
        limiter_.acquire();
        ++sent_;
        Response response = clients_[0]->perform(request);
        std::optional<std::string> reason = retry_reason(request, response, platform_retry_);
        if (!reason) return response;
        if (attempt >= options_.retry.max_attempts)
            throw Error(scrub_url(request.url) + ": gave up after " + std::to_string(attempt) + " attempts; last: " + *reason);
        ++retried_;
        std::this_thread::sleep_for(backoff_delay(options_.retry, attempt, random(), &response));
    }
}

}  // namespace jb::net
