<?php
/**
 * Activation, checks, removal and token spending, for REST, WP-CLI and cron alike.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\License;

use BatchKeys\Kit\Api\Client;
use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Kit\Product\Product;
use BatchKeys\Kit\Site\Address;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The one place where a key meets BatchKeys: the REST routes, cron, WP-CLI and
 * batchkeys_consume() all come through here.
 *
 * Rules kept here, whoever calls:
 * - a malformed key never leaves PHP (key_length, key_characters, key_pattern; no call);
 * - no secret, no call (not_configured);
 * - a check that made no call (not_configured, insecure_api_url) changes nothing;
 * - the call rules of Gate (docs/throttle.md): after rate_limited, no call of any kind for 24 h;
 * - a person's small burst per product, then one per 10 s (throttled, 429 with retry_after);
 * - one call and its write per product at a time (Lock), so concurrent requests end consistent;
 * - an activation stores the key only when it is valid.
 */
class License_Service {

	/**
	 * Longest a lock is held (an API call takes at most 15 s).
	 */
	const LOCK_TTL = 60;

	/**
	 * Record storage.
	 *
	 * @var Store
	 */
	private $store;

	/**
	 * API client, or what builds it on first use (screens that only read never load it).
	 *
	 * @var Client|callable(): Client
	 */
	private $client;

	/**
	 * A service.
	 *
	 * @param Store                     $store  Storage.
	 * @param Client|callable(): Client $client API client, or a function returning it.
	 */
	public function __construct( Store $store, $client ) {
		$this->store  = $store;
		$this->client = $client;
	}

	/**
	 * The API client.
	 *
	 * @return Client
	 */
	private function client() {
		if ( ! $this->client instanceof Client ) {
			$this->client = call_user_func( $this->client );
		}
		return $this->client;
	}

	/**
	 * The storage.
	 *
	 * @return Store
	 */
	public function store() {
		return $this->store;
	}

	/**
	 * Activates a key a person typed, for the site's current domain (with `active: 1` only when the
	 * product opts in with `send_active`).
	 *
	 * @param Product              $product Product.
	 * @param mixed                $key     Typed key.
	 * @param array<string, mixed> $options confirmed, moved, background: see Address_Guard.
	 * @return Result 200; 400; 409 confirm_activation; 422 invalid, moved_refused; 429; 502; 503.
	 */
	public function activate( Product $product, $key, array $options = array() ) {
		$clean = '';
		$error = $product->key_format->validate( $key, $clean );
		if ( '' !== $error ) {
			return $this->local( $product, $error );
		}
		if ( ! $product->is_configured() ) {
			return $this->local( $product, 'not_configured' );
		}
		$moved = ! empty( $options['moved'] );
		if ( ! $moved && empty( $options['confirmed'] ) && Address_Guard::needs_confirm( $this->store, $product ) ) {
			return $this->local( $product, 'confirm_activation' );
		}
		$now  = Clock::now();
		$lock = $this->admit( $product, $now, empty( $options['background'] ) );
		if ( $lock instanceof Result ) {
			return $lock;
		}
		try {
			$answer = $this->client()->request( $product, $clean, $product->send_active ? array( 'active' => 1 ) : array(), empty( $options['background'] ) ? 'interactive' : 'background', self::domain( $product ) );
			$now    = Clock::now();
			$this->gate()->note( $answer, $now );
			$current = $this->store->get( $product->slug, true );
			$this->store->put( $product->slug, Transition::activation( $current, $clean, $answer, $now, $this->settings( $product ) ) );
		} finally {
			$lock->release();
		}
		$code   = ( $moved && 'invalid' === $answer->code ) ? 'moved_refused' : $answer->code;
		$status = 'invalid' === $code ? 422 : Messages::status( $code );
		$result = new Result( $code, $status, $this->view( $product ), $this->gate()->retry_for( $code, $now ), ! $answer->made_no_call() );
		// The stored record is unchanged by a failed activation: the reply carries what this
		// answer said, and for "not valid" the site limit as the likely cause.
		$result->detail = View::detail( $product, $answer->detail, $clean );
		if ( 'invalid' === $code ) {
			$result->hint = Messages::activation_invalid_hint( $product->account_url );
		}
		return $result;
	}

	/**
	 * Checks the stored key now.
	 *
	 * @param Product $product Product.
	 * @param string  $context 'interactive' (a person asked: throttled, 5 s timeout) or
	 *                         'background' (cron, WP-CLI: not throttled, 15 s timeout);
	 *                         'scheduled' (the daily recheck: background, and it may take
	 *                         another site's fresh answer, see Shared_Answer).
	 * @return Result 200 with any verdict; 409 no_key or address_changed; 429; 502; 503.
	 */
	public function check( Product $product, $context = 'interactive' ) {
		$shared  = 'scheduled' === $context;
		$context = ( $shared || 'background' === $context ) ? 'background' : 'interactive';
		$now     = Clock::now();
		$record  = Address_Guard::observe( $this->store, $product );
		if ( ! $record->has_key() ) {
			return $this->local( $product, 'no_key' );
		}
		$refusal = Address_Guard::refuse_check( $this, $product, $record, $context );
		if ( null !== $refusal ) {
			return $refusal;
		}
		if ( ! $product->is_configured() ) {
			// No call, no change: the record stays; a background check leaves a note saying
			// where the secret was missing.
			if ( 'background' === $context ) {
				Missing_Secret::note( $product, $now );
			}
			return $this->local( $product, 'not_configured' );
		}
		$lock = $this->admit( $product, $now, 'interactive' === $context );
		if ( $lock instanceof Result ) {
			return $lock;
		}
		try {
			$current = $this->store->get( $product->slug, true );
			if ( ! $current->has_key() ) {
				return $this->local( $product, 'no_key' );
			}
			$domain = $current->call_domain( self::domain( $product ) );
			$answer = $shared ? Shared_Answer::recall( $product, $current, $domain, $now ) : null;
			$called = null === $answer;
			if ( null === $answer ) {
				$answer = $this->client()->request( $product, (string) $current->key, array(), $context, $domain );
				Shared_Answer::keep( $product, (string) $current->key, $domain, $answer, Clock::now() );
			}
			$now = Clock::now();
			if ( ! $answer->made_no_call() ) {
				$this->gate()->note( $answer, $now );
				$this->store->put( $product->slug, Transition::check( $current, $answer, $now, $this->settings( $product ) ) );
				if ( 'background' === $context ) {
					Missing_Secret::clear( $product );
				}
			}
		} finally {
			$lock->release();
		}
		$status         = $answer->is_verdict() ? 200 : Messages::status( $answer->code );
		$result         = new Result( $answer->code, $status, $this->view( $product ), $this->gate()->retry_for( $answer->code, $now ), $called && ! $answer->made_no_call() );
		$result->detail = $result->view['detail'];
		return $result;
	}

	/**
	 * Removes the key from the site; with `release_on_deactivate`, first tells BatchKeys
	 * (`active: 0`, best effort: the key is removed locally whatever the answer).
	 *
	 * @param Product $product Product.
	 * @return Result 200 deactivated (also when no key was stored); 429 while another call runs.
	 */
	public function deactivate( Product $product ) {
		$now     = Clock::now();
		$pending = Address_Change::pending( Address_Guard::observe( $this->store, $product ) );
		$lock    = $this->lock( $product, $now );
		if ( $lock instanceof Result ) {
			return $lock;
		}
		$called = false;
		try {
			$current = $this->store->get( $product->slug, true );
			// A copy never tells BatchKeys anything: `active: 0` from here could switch the live site off.
			if ( ! $pending && $current->has_key() && $product->release_on_deactivate && $product->is_configured() && $this->store->rate_limited_until() <= $now ) {
				$answer = $this->client()->request( $product, (string) $current->key, array( 'active' => 0 ), 'interactive', $current->call_domain( self::domain( $product ) ) );
				$called = true;
				$this->gate()->note( $answer, Clock::now() );
			}
			$this->store->put( $product->slug, Transition::deactivation( $current ) );
		} finally {
			$lock->release();
		}
		return new Result( 'deactivated', 200, $this->view( $product ), null, $called );
	}

	/**
	 * Spends $n tokens of the stored key (a negative $n tops up, if the product allows it).
	 * Never changes the stored record: a not-valid answer may only mean "not enough tokens".
	 *
	 * @param Product $product Product.
	 * @param mixed   $n       Whole number, not 0.
	 * @return Result 200 valid; 422 invalid (not enough tokens, or the key is not valid); 400; 409; 429; 502; 503.
	 */
	public function consume( Product $product, $n ) {
		if ( is_string( $n ) && preg_match( '/^-?[0-9]+$/', $n ) ) {
			$n = (int) $n;
		}
		if ( ! is_int( $n ) || 0 === $n ) {
			return $this->local( $product, 'invalid_amount' );
		}
		if ( $n < 0 && ! $product->allow_topup ) {
			return $this->local( $product, 'topup_not_allowed' );
		}
		$record = Address_Guard::observe( $this->store, $product );
		if ( ! $record->has_key() ) {
			return $this->local( $product, 'no_key' );
		}
		if ( Address_Change::pending( $record ) ) {
			return $this->local( $product, 'address_changed' );
		}
		if ( ! $product->is_configured() ) {
			return $this->local( $product, 'not_configured' );
		}
		$now    = Clock::now();
		$paused = $this->gate()->pause_remaining( $now );
		if ( $paused > 0 ) {
			return $this->local( $product, 'rate_limited', $paused );
		}
		$context = ( wp_doing_cron() || ( defined( 'WP_CLI' ) && WP_CLI ) ) ? 'background' : 'interactive';
		$answer  = $this->client()->request( $product, (string) $record->key, array( 'consume' => $n ), $context, $record->call_domain( self::domain( $product ) ) );
		$now     = Clock::now();
		$this->gate()->note( $answer, $now );
		$status = 'invalid' === $answer->code ? 422 : Messages::status( $answer->code );
		return new Result( $answer->code, $status, $this->view( $product ), $this->gate()->retry_for( $answer->code, $now ), true );
	}

	/**
	 * Whether the product's features may run (stored state only).
	 *
	 * @param Product $product Product.
	 * @return bool
	 */
	public function is_active( Product $product ) {
		return Address_Guard::observe( $this->store, $product )->features_enabled( Clock::now() );
	}

	/**
	 * The license view: what REST answers and screens show. Reads stored state only.
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	public function view( Product $product ) {
		$now    = Clock::now();
		$record = Address_Guard::observe( $this->store, $product );
		$state  = $record->effective_state( $now );
		$strike = View::first_strike( $record, $state );
		$pair   = $strike ? Messages::first_strike( Clock::local( (int) $record->next_check ) ) : Messages::get( $record->code, $product->is_network_scope() ? 'network' : 'site' );
		$wait   = $this->gate()->wait( $product, $now );
		$pause  = $this->gate()->pause_remaining( $now );
		return array(
			'product'            => $product->slug,
			'state'              => $state,
			'state_label'        => Messages::state_label( $state ),
			'features_enabled'   => $record->features_enabled( $now ),
			'configured'         => $product->is_configured(),
			'setup'              => $product->is_configured() ? null : Messages::get( 'not_configured' ),
			'code'               => $record->code,
			'message'            => $pair['message'],
			'hint'               => $pair['hint'],
			'key'                => $product->key_format->mask( $record->key ),
			'last_checked'       => Clock::iso( $record->last_checked ),
			'last_success'       => Clock::iso( $record->last_success ),
			'next_check'         => Clock::iso( $record->next_check ),
			'grace_until'        => in_array( $state, array( 'grace', 'lapsed' ), true ) ? Clock::iso( $record->grace_until ) : null,
			'retry_after'        => $wait > 0 ? $wait : null,
			'paused_until'       => $pause > 0 ? Clock::iso( $now + $pause ) : null,
			'strike'             => $strike,
			'detail'             => View::detail( $product, $record->detail, (string) $record->key ),
			'secret_missing'     => Missing_Secret::view( $product ),
			'scope'              => $product->is_network_scope() ? 'network' : 'site',
			'managed_by_network' => ( $product->is_network_scope() && ! $product->current_user_can_change() ) ? Messages::get( 'network_managed' ) : null,
			'domain'             => null === $record->fingerprint ? null : $record->fingerprint->domain,
			'address'            => Address_Guard::view( $product, $record ),
		);
	}

	/**
	 * Settings of the state machine for a product.
	 *
	 * @param Product $product Product.
	 * @return array{grace_days: int, slot: int, site: array<string, mixed>, install_id: string}
	 */
	public function settings( Product $product ) {
		return array(
			'grace_days' => $product->grace_days,
			'slot'       => $this->store->daily_slot( $product->slug ),
			'site'       => Address::facts( $product->is_network_scope() ? 'network' : 'site' ),
			'install_id' => wp_generate_uuid4(),
		);
	}

	/**
	 * The domain the product's license is for now: the network's for a network license, else
	 * this site's.
	 *
	 * @param Product $product Product.
	 * @return string
	 */
	private static function domain( Product $product ) {
		return $product->is_network_scope() ? Address::network_domain() : Address::current_domain();
	}

	/**
	 * A result answered without calling BatchKeys; the record is untouched.
	 *
	 * @param Product  $product     Product.
	 * @param string   $code        Kit code.
	 * @param int|null $retry_after Seconds to wait.
	 * @return Result
	 */
	private function local( Product $product, $code, $retry_after = null ) {
		return new Result( $code, Messages::status( $code ), $this->view( $product ), $retry_after, false );
	}

	/**
	 * Lets one call to BatchKeys for a product go ahead: not during the site-wide pause, not
	 * twice within 10 s when a person asked ($throttled), and one at a time (the lock).
	 *
	 * @param Product $product   Product.
	 * @param int     $now       Unix timestamp.
	 * @param bool    $throttled Whether a person asked (the 10-second throttle applies).
	 * @return Lock|Result The held lock (release it), or the refusal.
	 */
	private function admit( Product $product, $now, $throttled ) {
		$lock = $this->gate()->admit( $product, $now, $throttled ? 'interactive' : 'background' );
		return $lock instanceof Lock ? $lock : $this->local( $product, $lock['code'], $lock['wait'] );
	}

	/**
	 * Takes the product's lock (one call and its write at a time), held for the call's timeout
	 * and a margin: a refusal's Retry-After is the holder's real end.
	 *
	 * @param Product $product Product.
	 * @param int     $now     Unix timestamp.
	 * @return Lock|Result The held lock (release it), or `throttled` while another request holds it.
	 */
	private function lock( Product $product, $now ) {
		$lock = $this->gate()->lock( $product, $now, 'interactive' );
		return $lock instanceof Lock ? $lock : $this->local( $product, $lock['code'], $lock['wait'] );
	}

	/**
	 * The call rules over this service's storage.
	 *
	 * @return Gate
	 */
	private function gate() {
		return new Gate( $this->store );
	}
}
