<?php
/**
 * Whether a call to BatchKeys may go ahead now.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Api\Answer;
use BatchKeys\Kit\Api\Client;
use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The rules every call passes, in this order (see docs/throttle.md for the numbers):
 * - the site-wide pause after rate_limited (24 h, batchkeys_rate_limited_until);
 * - for a person's request only: 3 back to back per product, then one per 10 s
 *   (batchkeys_throttle_<slug>), and 6 back to back for all products together, then one per
 *   10 s (batchkeys_site_throttle);
 * - one call and its write per product at a time (batchkeys_lock_<slug>), held no longer than
 *   the call's timeout and a margin, so a refusal's Retry-After is the holder's real end.
 */
final class Gate {

	/**
	 * A person's requests per product: this many back to back...
	 */
	const BURST = 3;

	/**
	 * ...then one per this many seconds.
	 */
	const INTERVAL = 10;

	/**
	 * A person's requests over all products together: this many back to back, then one per
	 * INTERVAL.
	 */
	const SITE_BURST = 6;

	/**
	 * Option name of the site-wide burst row.
	 */
	const SITE_ROW = 'batchkeys_site_throttle';

	/**
	 * How long BatchKeys is left alone after rate_limited.
	 */
	const RATE_LIMIT_PAUSE = 86400;

	/**
	 * Seconds a lock outlives the call's timeout (the answer's write).
	 */
	const LOCK_MARGIN = 5;

	/**
	 * Record storage (the pause).
	 *
	 * @var Store
	 */
	private $store;

	/**
	 * A gate.
	 *
	 * @param Store $store Storage.
	 */
	public function __construct( Store $store ) {
		$this->store = $store;
	}

	/**
	 * Lets one call for a product go ahead.
	 *
	 * @param Product $product   Product.
	 * @param int     $now       Unix timestamp.
	 * @param string  $context   'interactive' (a person asked: the burst rules apply) or 'background'.
	 * @return Lock|array{code: string, wait: int} The held lock (release it), or the refusal.
	 */
	public function admit( Product $product, $now, $context ) {
		$paused = $this->pause_remaining( $now );
		if ( $paused > 0 ) {
			return self::refusal( 'rate_limited', $paused );
		}
		if ( 'interactive' === $context ) {
			$wait = $this->product_burst( $product )->take( $now );
			if ( 0 === $wait ) {
				$wait = self::site_burst()->take( $now );
			}
			if ( $wait > 0 ) {
				return self::refusal( 'throttled', $wait );
			}
		}
		return $this->lock( $product, $now, $context );
	}

	/**
	 * Takes the product's lock for one call in a context.
	 *
	 * @param Product $product Product.
	 * @param int     $now     Unix timestamp.
	 * @param string  $context 'interactive' or 'background' (the call's timeout).
	 * @return Lock|array{code: string, wait: int}
	 */
	public function lock( Product $product, $now, $context ) {
		$lock = $this->store->lock( 'batchkeys_lock_', $product->slug );
		$ttl  = (int) ceil( Client::timeout( $context, $product ) ) + self::LOCK_MARGIN;
		if ( ! $lock->acquire( $ttl, $now ) ) {
			// The holder's end as of now: this request may have begun before the holder did.
			return self::refusal( 'throttled', max( 1, $lock->remaining( max( $now, Clock::now() ) ) ) );
		}
		return $lock;
	}

	/**
	 * Seconds until a person may ask about the product again (0: now): the pause, the
	 * product's burst, the site's burst.
	 *
	 * @param Product $product Product.
	 * @param int     $now     Unix timestamp.
	 * @return int
	 */
	public function wait( Product $product, $now ) {
		return max( $this->pause_remaining( $now ), $this->product_burst( $product )->wait( $now ), self::site_burst()->wait( $now ) );
	}

	/**
	 * Seconds the site-wide pause after rate_limited still lasts (0: none).
	 *
	 * @param int $now Unix timestamp.
	 * @return int
	 */
	public function pause_remaining( $now ) {
		return max( 0, $this->store->rate_limited_until() - $now );
	}

	/**
	 * Starts the site-wide (on a network, network-wide) pause when BatchKeys said rate_limited.
	 *
	 * @param Answer $answer Answer.
	 * @param int    $now    Unix timestamp.
	 * @return void
	 */
	public function note( Answer $answer, $now ) {
		if ( 'rate_limited' === $answer->code ) {
			$this->store->set_rate_limited_until( $now + self::RATE_LIMIT_PAUSE );
		}
	}

	/**
	 * Seconds to wait after an answer (rate_limited only), else null.
	 *
	 * @param string $code Kit code.
	 * @param int    $now  Unix timestamp.
	 * @return int|null
	 */
	public function retry_for( $code, $now ) {
		return 'rate_limited' === $code ? max( 1, $this->store->rate_limited_until() - $now ) : null;
	}

	/**
	 * The burst rule of a product.
	 *
	 * @param Product $product Product.
	 * @return Burst
	 */
	private function product_burst( Product $product ) {
		// A network license's rows live in the main site's table, as its lock does.
		$table = $this->store->is_network( $product->slug ) ? Lock::main_site_table() : '';
		return new Burst( 'batchkeys_throttle_' . $product->slug, self::BURST, self::INTERVAL, $table );
	}

	/**
	 * The burst rule of all products together.
	 *
	 * @return Burst
	 */
	private static function site_burst() {
		return new Burst( self::SITE_ROW, self::SITE_BURST, self::INTERVAL );
	}

	/**
	 * A refusal.
	 *
	 * @param string $code Kit code.
	 * @param int    $wait Seconds.
	 * @return array{code: string, wait: int}
	 */
	private static function refusal( $code, $wait ) {
		return array(
			'code' => $code,
			'wait' => max( 1, (int) $wait ),
		);
	}
}
