//! Paginator plumbing: a small async stream of pages or items, with token and offset/limit paging.
//!
//! A generated paginator is a few lines:
//!
//! ```ignore
//! pub fn send(self) -> PaginationStream<Result<ListThingsOutput, SdkError<ListThingsError, HttpResponse>>> {
//!     let config = self.config;
//!     sdk_runtime::paginate::token_pages(
//!         self.input,
//!         move |input| {
//!             let config = config.clone();
//!             async move { sdk_runtime::invoke::<ListThings>(&SERVICE, &config, input).await }
//!         },
//!         |page| page.next_token.as_deref(),
//!         |input, token| input.next_token = token,
//!         None,
//!     )
//! }
//! pub fn items(self) -> PaginationStream<Result<Thing, SdkError<ListThingsError, HttpResponse>>> {
//!     self.send().items(|page| page.things.unwrap_or_default())
//! }
//! ```

use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

trait Source<T>: Send {
    fn next(&mut self) -> BoxFuture<'_, Option<T>>;
}

/// An async sequence of pages or items; call [`next`](Self::next) until it returns `None`.
/// After an error the stream ends.
pub struct PaginationStream<T> {
    source: Box<dyn Source<T>>,
}

impl<T> fmt::Debug for PaginationStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PaginationStream")
    }
}

impl<T: Send + 'static> PaginationStream<T> {
    /// The next element, or `None` at the end.
    pub async fn next(&mut self) -> Option<T> {
        self.source.next().await
    }

    /// Collects every remaining element.
    pub async fn collect<C: Default + Extend<T>>(mut self) -> C {
        let mut out = C::default();
        while let Some(item) = self.next().await {
            out.extend(std::iter::once(item));
        }
        out
    }
}

impl<P: Send + 'static, E: Send + 'static> PaginationStream<Result<P, E>> {
    /// The next page or item: `Ok(None)` at the end, `Err` for a failed call (the stream then
    /// ends).
    pub async fn try_next(&mut self) -> Result<Option<P>, E> {
        self.next().await.transpose()
    }

    /// Collects every page, stopping at the first error.
    pub async fn try_collect(mut self) -> Result<Vec<P>, E> {
        let mut out = Vec::new();
        while let Some(item) = self.next().await {
            out.push(item?);
        }
        Ok(out)
    }

    /// Flattens pages into their items (`items_of` extracts them from a page).
    pub fn items<Item, F>(self, items_of: F) -> PaginationStream<Result<Item, E>>
    where
        Item: Send + 'static,
        F: FnMut(P) -> Vec<Item> + Send + 'static,
    {
        PaginationStream {
            source: Box::new(ItemsSource {
                pages: self,
                buffer: VecDeque::new(),
                items_of,
            }),
        }
    }
}

struct ItemsSource<P, E, Item, F> {
    pages: PaginationStream<Result<P, E>>,
    buffer: VecDeque<Item>,
    items_of: F,
}

impl<P, E, Item, F> Source<Result<Item, E>> for ItemsSource<P, E, Item, F>
where
    P: Send + 'static,
    E: Send + 'static,
    Item: Send + 'static,
    F: FnMut(P) -> Vec<Item> + Send + 'static,
{
    fn next(&mut self) -> BoxFuture<'_, Option<Result<Item, E>>> {
        Box::pin(async move {
            loop {
                if let Some(item) = self.buffer.pop_front() {
                    return Some(Ok(item));
                }
                match self.pages.next().await? {
                    Ok(page) => self.buffer.extend((self.items_of)(page)),
                    Err(e) => return Some(Err(e)),
                }
            }
        })
    }
}

/// A source that calls `fetch` with its input and asks `advance` for the next input.
struct PagedSource<I, E, F, A> {
    /// The input of the next call; `None` once the stream has ended.
    input: Option<I>,
    /// An error to yield before ending (the advance refused to go on).
    failure: Option<E>,
    fetch: F,
    advance: A,
}

/// How a paged source moves on from a page to the next call.
trait Advance<I, P, E>: Send {
    /// The next step, given the input just sent and the page it returned.
    fn next_input(&mut self, sent: I, page: &P) -> Step<I, E>;
}

/// What follows a page.
enum Step<I, E> {
    /// Call again with this input.
    Next(I),
    /// That page was the last.
    End,
    /// Stop paging: yield this error, then end.
    Fail(E),
}

impl<I, E> From<Option<I>> for Step<I, E> {
    fn from(next: Option<I>) -> Self {
        next.map_or(Step::End, Step::Next)
    }
}

/// The pages `fetch` returns, starting with `input` and moving on with `advance`.
fn paged<I, P, E, F, Fut, A>(input: I, fetch: F, advance: A) -> PaginationStream<Result<P, E>>
where
    I: Clone + Send + 'static,
    P: Send + 'static,
    E: Send + 'static,
    F: FnMut(I) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, E>> + Send + 'static,
    A: Advance<I, P, E> + 'static,
{
    PaginationStream {
        source: Box::new(PagedSource {
            input: Some(input),
            failure: None,
            fetch,
            advance,
        }),
    }
}

impl<I, P, E, F, Fut, A> Source<Result<P, E>> for PagedSource<I, E, F, A>
where
    I: Clone + Send + 'static,
    P: Send + 'static,
    E: Send + 'static,
    F: FnMut(I) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, E>> + Send + 'static,
    A: Advance<I, P, E>,
{
    fn next(&mut self) -> BoxFuture<'_, Option<Result<P, E>>> {
        Box::pin(async move {
            if let Some(e) = self.failure.take() {
                return Some(Err(e));
            }
            let input = self.input.take()?;
            let page = match (self.fetch)(input.clone()).await {
                Ok(page) => page,
                Err(e) => return Some(Err(e)),
            };
            match self.advance.next_input(input, &page) {
                Step::Next(next) => self.input = Some(next),
                Step::End => {}
                Step::Fail(e) => self.failure = Some(e),
            }
            Some(Ok(page))
        })
    }
}

/// The default of [`EmptyPages::limit`]: how many consecutive empty pages that still carry a
/// new token a token paginator follows before it gives up.
///
/// Services do return runs of empty pages legitimately (a DynamoDB `Scan` with a filter reads
/// 1 MB per page and may match nothing in it; CloudWatch Logs `FilterLogEvents` walks log streams
/// with nothing in the time range), so the cap is high: 1,000 empty pages is far more than such
/// a run usually lasts, yet it bounds a service that keeps minting fresh tokens for empty pages
/// (which the repeated-token check cannot catch) to a few minutes of calls instead of forever.
pub const DEFAULT_MAX_EMPTY_PAGES: usize = 1000;

/// The cap on consecutive empty pages of a token paginator.
pub struct EmptyPages<P, E> {
    /// Whether a page has no items.
    pub is_empty: fn(&P) -> bool,
    /// How many consecutive empty pages with a next token are followed; the page after the
    /// last of them is not requested.
    pub limit: usize,
    /// The error yielded instead of that next page, given the number of empty pages.
    pub error: fn(usize) -> E,
}

impl<P, E> Clone for EmptyPages<P, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P, E> Copy for EmptyPages<P, E> {}

/// Token paging: calls `fetch(input)`, then repeats with the page's next token set on the input
/// until the page has no token or repeats one already sent in this pagination (a service that
/// cycles `A, B, A, ...` cannot loop forever). Tokens are strings, maps or structures;
/// `next_token` returns `None` for an absent or empty one.
///
/// With `empty_pages`, after `limit` consecutive empty pages that each carry a new token the
/// stream yields `error(limit)` instead of requesting another page, and ends: a service that
/// hands out fresh tokens for empty pages forever is reported rather than followed forever or
/// silently cut short.
pub fn token_pages<I, P, E, F, Fut, T>(
    input: I,
    fetch: F,
    next_token: fn(&P) -> Option<&T>,
    set_token: fn(&mut I, Option<T>),
    empty_pages: Option<EmptyPages<P, E>>,
) -> PaginationStream<Result<P, E>>
where
    I: Clone + Send + 'static,
    P: Send + 'static,
    E: Send + 'static,
    F: FnMut(I) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, E>> + Send + 'static,
    T: Clone + PartialEq + Send + 'static,
{
    token_pages_with(input, fetch, next_token, set_token, empty_pages, true)
}

/// [`token_pages`], where `stop_on_duplicate_token: false` follows a token even when it repeats
/// one already sent (aws-sdk-rust's `stop_on_duplicate_token`); the empty-page cap still applies.
pub fn token_pages_with<I, P, E, F, Fut, T>(
    input: I,
    fetch: F,
    next_token: fn(&P) -> Option<&T>,
    set_token: fn(&mut I, Option<T>),
    empty_pages: Option<EmptyPages<P, E>>,
    stop_on_duplicate_token: bool,
) -> PaginationStream<Result<P, E>>
where
    I: Clone + Send + 'static,
    P: Send + 'static,
    E: Send + 'static,
    F: FnMut(I) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, E>> + Send + 'static,
    T: Clone + PartialEq + Send + 'static,
{
    paged(
        input,
        fetch,
        TokenAdvance {
            sent: Vec::new(),
            next_token,
            set_token,
            empty_pages,
            empty_run: 0,
            stop_on_duplicate_token,
        },
    )
}

/// Token paging's state: every token sent so far and the current run of empty pages.
struct TokenAdvance<I, P, E, T> {
    sent: Vec<T>,
    next_token: fn(&P) -> Option<&T>,
    set_token: fn(&mut I, Option<T>),
    empty_pages: Option<EmptyPages<P, E>>,
    empty_run: usize,
    stop_on_duplicate_token: bool,
}

impl<I, P, E, T: Clone + PartialEq + Send> Advance<I, P, E> for TokenAdvance<I, P, E, T> {
    fn next_input(&mut self, mut sent: I, page: &P) -> Step<I, E> {
        let repeated = |t: &&T| self.stop_on_duplicate_token && self.sent.contains(t);
        let Some(token) = (self.next_token)(page).filter(|t| !repeated(t)) else {
            return Step::End;
        };
        if let Some(cap) = &self.empty_pages {
            if (cap.is_empty)(page) {
                self.empty_run += 1;
                if self.empty_run >= cap.limit {
                    return Step::Fail((cap.error)(self.empty_run));
                }
            } else {
                self.empty_run = 0;
            }
        }
        (self.set_token)(&mut sent, Some(token.clone()));
        self.sent.push(token.clone());
        Step::Next(sent)
    }
}

/// How offset/limit paging reads and advances an input.
pub struct OffsetPaging<I, P> {
    /// Number of items in a page.
    pub page_len: fn(&P) -> usize,
    /// The requested page size (`records`/`limit`) of an input, if set.
    pub limit: fn(&I) -> Option<i64>,
    /// The offset of an input, if set (absent means 0).
    pub offset: fn(&I) -> Option<i64>,
    /// Sets the offset of an input.
    pub set_offset: fn(&mut I, i64),
}

impl<I, P> Clone for OffsetPaging<I, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I, P> Copy for OffsetPaging<I, P> {}

/// Offset/limit paging: calls `fetch(input)`, advances the offset by the page length and repeats
/// until a page is empty or shorter than the requested limit.
pub fn offset_pages<I, P, E, F, Fut>(
    input: I,
    fetch: F,
    paging: OffsetPaging<I, P>,
) -> PaginationStream<Result<P, E>>
where
    I: Clone + Send + 'static,
    P: Send + 'static,
    E: Send + 'static,
    F: FnMut(I) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, E>> + Send + 'static,
{
    paged(input, fetch, paging)
}

impl<I, P, E> Advance<I, P, E> for OffsetPaging<I, P> {
    fn next_input(&mut self, mut sent: I, page: &P) -> Step<I, E> {
        let len = i64::try_from((self.page_len)(page)).unwrap_or(i64::MAX);
        let short = (self.limit)(&sent).is_some_and(|limit| len < limit);
        if len == 0 || short {
            return Step::End;
        }
        let offset = (self.offset)(&sent).unwrap_or(0);
        (self.set_offset)(&mut sent, offset.saturating_add(len));
        Step::Next(sent)
    }
}

/// The pages of a generated operation `O`, each a call's result.
pub type Pages<O> = PaginationStream<crate::InvokeResult<O>>;

/// The items of a generated operation `O`'s pages.
pub type Items<O, T> = PaginationStream<
    Result<
        T,
        aws_smithy_runtime_api::client::result::SdkError<
            <O as crate::OperationSpec>::Error,
            aws_smithy_runtime_api::client::orchestrator::HttpResponse,
        >,
    >,
>;

/// A stream that yields one error and ends (an input that could not be built).
struct FailedSource<E>(Option<E>);

impl<P: Send + 'static, E: Send + 'static> Source<Result<P, E>> for FailedSource<E> {
    fn next(&mut self) -> BoxFuture<'_, Option<Result<P, E>>> {
        let error = self.0.take();
        Box::pin(async move { error.map(Err) })
    }
}

fn failed<P: Send + 'static, E: Send + 'static>(error: E) -> PaginationStream<Result<P, E>> {
    PaginationStream {
        source: Box::new(FailedSource(Some(error))),
    }
}

/// Token paging of a generated operation: each page is one [`invoke`](crate::invoke) of `O`
/// with the input's token set from the previous page. An input that failed to build is yielded
/// as a construction-failure error.
///
/// `page_is_empty` (the generated paginator passes it when the operation models its items)
/// caps runs of empty pages at [`DEFAULT_MAX_EMPTY_PAGES`]: the stream then yields a
/// construction-failure error saying so, after the pages it has, and ends.
pub fn operation_token_pages<O: crate::OperationSpec, T: Clone + PartialEq + Send + 'static>(
    service: &'static crate::ServiceSpec,
    config: crate::ConfigCore,
    input: Result<O::Input, aws_smithy_types::error::operation::BuildError>,
    next_token: fn(&O::Output) -> Option<&T>,
    set_token: fn(&mut O::Input, Option<T>),
    page_is_empty: Option<fn(&O::Output) -> bool>,
    stop_on_duplicate_token: bool,
) -> PaginationStream<crate::InvokeResult<O>> {
    let empty_pages = page_is_empty.map(|is_empty| EmptyPages {
        is_empty,
        limit: DEFAULT_MAX_EMPTY_PAGES,
        error: too_many_empty_pages::<O>,
    });
    match input {
        Err(e) => failed(aws_smithy_runtime_api::client::result::SdkError::construction_failure(e)),
        Ok(input) => token_pages_with(
            input,
            fetch::<O>(service, config),
            next_token,
            set_token,
            empty_pages,
            stop_on_duplicate_token,
        ),
    }
}

fn too_many_empty_pages<O: crate::OperationSpec>(count: usize) -> OperationSdkError<O> {
    aws_smithy_runtime_api::client::result::SdkError::construction_failure(format!(
        "{}: pagination stopped after {count} consecutive empty pages that each carried a new \
         next token; the service may be paging forever",
        O::NAME
    ))
}

type OperationSdkError<O> = aws_smithy_runtime_api::client::result::SdkError<
    <O as crate::OperationSpec>::Error,
    aws_smithy_runtime_api::client::orchestrator::HttpResponse,
>;

/// Offset/limit paging of a generated operation (see [`operation_token_pages`]).
pub fn operation_offset_pages<O: crate::OperationSpec>(
    service: &'static crate::ServiceSpec,
    config: crate::ConfigCore,
    input: Result<O::Input, aws_smithy_types::error::operation::BuildError>,
    paging: OffsetPaging<O::Input, O::Output>,
) -> PaginationStream<crate::InvokeResult<O>> {
    match input {
        Err(e) => failed(aws_smithy_runtime_api::client::result::SdkError::construction_failure(e)),
        Ok(input) => offset_pages(input, fetch::<O>(service, config), paging),
    }
}

fn fetch<O: crate::OperationSpec>(
    service: &'static crate::ServiceSpec,
    config: crate::ConfigCore,
) -> impl FnMut(O::Input) -> BoxFuture<'static, crate::InvokeResult<O>> + Send + 'static {
    move |input| {
        let config = config.clone();
        Box::pin(async move { crate::invoke::<O>(service, &config, input).await })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Debug, Default)]
    struct Input {
        token: Option<String>,
        offset: Option<i64>,
        limit: Option<i64>,
    }

    #[derive(Debug)]
    struct Page {
        items: Vec<u32>,
        next: Option<String>,
    }

    fn block_on<F: Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    fn token_stream(
        pages: Vec<(Vec<u32>, Option<&'static str>)>,
        seen: Arc<Mutex<Vec<Option<String>>>>,
    ) -> PaginationStream<Result<Page, String>> {
        let pages = Arc::new(Mutex::new(VecDeque::from(pages)));
        token_pages(
            Input::default(),
            move |input: Input| {
                seen.lock().unwrap().push(input.token.clone());
                let next = pages.lock().unwrap().pop_front();
                async move {
                    match next {
                        Some((items, next)) => Ok(Page {
                            items,
                            next: next.map(str::to_owned),
                        }),
                        None => Err("no more pages scripted".to_owned()),
                    }
                }
            },
            |p: &Page| p.next.as_ref().filter(|t| !t.is_empty()),
            |i: &mut Input, t| i.token = t,
            None,
        )
    }

    /// A service that returns `items_of(n)` for page `n` with a fresh token on every page,
    /// forever, paged with an empty-page cap of `limit`.
    fn endless_stream(
        items_of: fn(u32) -> Vec<u32>,
        limit: usize,
        calls: Arc<Mutex<u32>>,
    ) -> PaginationStream<Result<Page, String>> {
        token_pages(
            Input::default(),
            move |_: Input| {
                let n = {
                    let mut calls = calls.lock().unwrap();
                    *calls += 1;
                    *calls
                };
                async move {
                    Ok(Page {
                        items: items_of(n),
                        next: Some(format!("t{n}")),
                    })
                }
            },
            |p: &Page| p.next.as_ref(),
            |i: &mut Input, t| i.token = t,
            Some(EmptyPages {
                is_empty: |p: &Page| p.items.is_empty(),
                limit,
                error: |n| format!("{n} empty pages"),
            }),
        )
    }

    #[test]
    fn token_paging_caps_consecutive_empty_pages_with_an_error() {
        let calls = Arc::new(Mutex::new(0));
        let pages: Vec<Result<Page, String>> =
            block_on(endless_stream(|_| vec![], 5, calls.clone()).collect());
        assert_eq!(pages.len(), 6, "five empty pages, then the error");
        assert!(pages[..5].iter().all(Result::is_ok));
        assert_eq!(pages[5].as_ref().unwrap_err(), "5 empty pages");
        assert_eq!(*calls.lock().unwrap(), 5, "the sixth page is not requested");
    }

    #[test]
    fn token_paging_empty_page_cap_counts_consecutive_pages_only() {
        // Every third page has an item: runs of two empty pages never reach a cap of three.
        let calls = Arc::new(Mutex::new(0));
        let mut stream = endless_stream(
            |n| if n % 3 == 0 { vec![n] } else { vec![] },
            3,
            calls.clone(),
        )
        .items(|p| p.items);
        let items: Vec<u32> = block_on(async {
            let mut out = Vec::new();
            while out.len() < 10 {
                out.push(stream.next().await.unwrap().unwrap());
            }
            out
        });
        assert_eq!(items, (1..=10).map(|n| n * 3).collect::<Vec<_>>());
        assert_eq!(*calls.lock().unwrap(), 30);
    }

    #[test]
    fn token_paging_empty_page_cap_ends_items_with_the_error() {
        // Items first, then empty pages forever: the items come out, then the error, then the end.
        let calls = Arc::new(Mutex::new(0));
        let mut stream =
            endless_stream(|n| if n <= 2 { vec![n] } else { vec![] }, 4, calls).items(|p| p.items);
        block_on(async {
            assert_eq!(stream.next().await, Some(Ok(1)));
            assert_eq!(stream.next().await, Some(Ok(2)));
            assert_eq!(stream.next().await, Some(Err("4 empty pages".to_owned())));
            assert_eq!(stream.next().await, None);
        });
    }

    #[test]
    fn token_paging_empty_last_page_without_token_is_no_error() {
        let calls = Arc::new(Mutex::new(0u32));
        let counter = calls.clone();
        let stream = token_pages(
            Input::default(),
            move |_: Input| {
                *counter.lock().unwrap() += 1;
                async move {
                    Ok::<_, String>(Page {
                        items: vec![],
                        next: None,
                    })
                }
            },
            |p: &Page| p.next.as_ref(),
            |i: &mut Input, t| i.token = t,
            Some(EmptyPages {
                is_empty: |p: &Page| p.items.is_empty(),
                limit: 1,
                error: |n| format!("{n} empty pages"),
            }),
        );
        assert_eq!(block_on(stream.try_collect()).unwrap().len(), 1);
        assert_eq!(DEFAULT_MAX_EMPTY_PAGES, 1000);
    }

    #[test]
    fn token_paging_follows_tokens_and_stops() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stream = token_stream(
            vec![
                (vec![1, 2], Some("a")),
                (vec![3], Some("b")),
                (vec![], None),
            ],
            seen.clone(),
        );
        let items: Vec<Result<u32, String>> =
            block_on(stream.items(|p| p.items).collect::<Vec<_>>());
        assert_eq!(items, vec![Ok(1), Ok(2), Ok(3)]);
        assert_eq!(
            *seen.lock().unwrap(),
            vec![None, Some("a".to_owned()), Some("b".to_owned())]
        );
    }

    #[test]
    fn token_paging_stops_on_repeated_or_empty_token() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stream = token_stream(
            vec![(vec![1], Some("a")), (vec![2], Some("a"))],
            seen.clone(),
        );
        assert_eq!(block_on(stream.try_collect()).unwrap().len(), 2);
        let stream = token_stream(vec![(vec![1], Some(""))], seen);
        assert_eq!(block_on(stream.try_collect()).unwrap().len(), 1);
    }

    #[test]
    fn token_paging_stops_on_any_token_seen_before() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stream = token_stream(
            vec![
                (vec![1], Some("a")),
                (vec![2], Some("b")),
                (vec![3], Some("a")),
            ],
            seen.clone(),
        );
        assert_eq!(block_on(stream.try_collect()).unwrap().len(), 3);
        assert_eq!(seen.lock().unwrap().len(), 3, "`a` is not sent twice");
    }

    #[test]
    fn map_tokens_page_like_strings() {
        type Key = std::collections::HashMap<String, u32>;
        #[derive(Clone, Default)]
        struct MapInput {
            start: Option<Key>,
        }
        let key = |n: u32| Some(Key::from([("id".to_owned(), n)]));
        let script = Arc::new(Mutex::new(VecDeque::from(vec![key(1), key(2), key(1)])));
        let sent = Arc::new(Mutex::new(Vec::new()));
        let log = sent.clone();
        let stream = token_pages(
            MapInput::default(),
            move |input: MapInput| {
                log.lock().unwrap().push(input.start.clone());
                let next = script.lock().unwrap().pop_front().flatten();
                async move { Ok::<_, String>(next) }
            },
            |page: &Option<Key>| page.as_ref().filter(|k| !k.is_empty()),
            |input: &mut MapInput, token| input.start = token,
            None,
        );
        assert_eq!(block_on(stream.try_collect()).unwrap().len(), 3);
        assert_eq!(*sent.lock().unwrap(), vec![None, key(1), key(2)]);
    }

    #[test]
    fn errors_end_the_stream() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut stream = token_stream(vec![(vec![1], Some("a"))], seen.clone());
        block_on(async {
            assert!(stream.next().await.unwrap().is_ok());
            assert!(stream.next().await.unwrap().is_err());
            assert!(stream.next().await.is_none());
        });
        assert_eq!(seen.lock().unwrap().len(), 2);
    }

    #[test]
    fn offset_paging_advances_and_stops_on_short_page() {
        let offsets = Arc::new(Mutex::new(Vec::new()));
        let seen = offsets.clone();
        let total = 7u32;
        let stream = offset_pages(
            Input {
                limit: Some(3),
                ..Input::default()
            },
            move |input: Input| {
                let offset = input.offset.unwrap_or(0);
                seen.lock().unwrap().push(offset);
                let limit = input.limit.unwrap_or(100);
                let items: Vec<u32> = (offset..(offset + limit).min(i64::from(total)))
                    .map(|v| v as u32)
                    .collect();
                async move { Ok::<_, String>(Page { items, next: None }) }
            },
            OffsetPaging {
                page_len: |p: &Page| p.items.len(),
                limit: |i: &Input| i.limit,
                offset: |i: &Input| i.offset,
                set_offset: |i: &mut Input, o| i.offset = Some(o),
            },
        );
        let items: Vec<u32> = block_on(stream.items(|p| p.items).collect::<Vec<_>>())
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(items, (0..7).collect::<Vec<_>>());
        assert_eq!(*offsets.lock().unwrap(), vec![0, 3, 6]);
    }

    #[test]
    fn offset_paging_stops_on_empty_page_without_limit() {
        let calls = Arc::new(Mutex::new(0));
        let counter = calls.clone();
        let stream = offset_pages(
            Input::default(),
            move |input: Input| {
                *counter.lock().unwrap() += 1;
                let items = if input.offset.unwrap_or(0) < 4 {
                    vec![1, 2]
                } else {
                    vec![]
                };
                async move { Ok::<_, String>(Page { items, next: None }) }
            },
            OffsetPaging {
                page_len: |p: &Page| p.items.len(),
                limit: |i: &Input| i.limit,
                offset: |i: &Input| i.offset,
                set_offset: |i: &mut Input, o| i.offset = Some(o),
            },
        );
        assert_eq!(block_on(stream.try_collect()).unwrap().len(), 3);
        assert_eq!(*calls.lock().unwrap(), 3);
    }
}
