<?php
/**
 * Messages: one table of codes, translated and filterable; the file shared with TypeScript.
 *
 * @package BatchKeys\Tests
 */

namespace BatchKeys\Tests\Messages;

use BatchKeys\Kit\Messages\Messages;
use BatchKeys\Tests\Test_Case;

/** Codes, statuses, messages and hints. */
final class Messages_Test extends Test_Case {

	/** Every code has a message and a hint of its own, in the text domain. */
	public function test_every_code_has_a_message_and_a_hint() {
		$table = Messages::table();
		$this->assertSame( Messages::codes(), array_keys( $table ) );
		$messages = array();
		foreach ( Messages::codes() as $code ) {
			$pair = Messages::get( $code );
			$this->assertNotSame( '', trim( $pair['message'] ), $code );
			$this->assertNotSame( '', trim( $pair['hint'] ), $code );
			$this->assertStringNotContainsString( $code, $pair['message'], 'a known code gets a sentence, not its name' );
			$messages[] = $pair['message'];
		}
		$this->assertCount( count( $messages ), array_unique( $messages ), 'one sentence per code' );
	}

	/** Every documented upstream error and the kit's own codes, with the statuses of docs/architecture.md. */
	public function test_statuses_follow_the_architecture() {
		$expected = array(
			'valid'                       => 200,
			'key_length'                  => 400,
			'key_characters'              => 400,
			'key_pattern'                 => 400,
			'rest_invalid_param'          => 400,
			'rest_missing_callback_param' => 400,
			'rest_not_logged_in'          => 401,
			'rest_forbidden'              => 403,
			'rest_cookie_invalid_nonce'   => 403,
			'batchkeys_unknown_product'   => 404,
			'no_key'                      => 409,
			'invalid'                     => 422,
			'throttled'                   => 429,
			'rate_limited'                => 429,
			'connection'                  => 502,
			'activation_failed'           => 502,
			'ip_error'                    => 502,
			'upstream_error'              => 502,
			'key_missing'                 => 502,
			'not_configured'              => 503,
			'auth_missing'                => 503,
		);
		foreach ( $expected as $code => $status ) {
			$this->assertSame( $status, Messages::status( $code ), $code );
		}
		$this->assertSame( 500, Messages::status( 'brand_new' ) );
	}

	/** An unknown code gets a generic message that names it. */
	public function test_unknown_code_gets_a_generic_message_naming_it() {
		$pair = Messages::get( 'brand_new_code' );
		$this->assertStringContainsString( 'brand_new_code', $pair['message'] );
		$this->assertNotSame( '', $pair['hint'] );
		$this->assertFalse( Messages::is_known( 'brand_new_code' ) );
	}

	/** The batchkeys_messages filter changes a message; a broken filter falls back. */
	public function test_messages_are_filterable() {
		$this->add_test_filter(
			'batchkeys_messages',
			static function ( $table ) {
				$table['invalid']['message'] = 'Custom sentence.';
				return $table;
			}
		);
		$this->assertSame( 'Custom sentence.', Messages::message( 'invalid' ) );
		$this->assertSame( Messages::table()['invalid']['hint'], Messages::hint( 'invalid' ) );
	}

	/** A filter that returns garbage never breaks a message. */
	public function test_a_broken_filter_falls_back() {
		$this->add_test_filter( 'batchkeys_messages', '__return_false' );
		$this->assertSame( 'The license key is active on this site.', Messages::message( 'valid' ) );
		$this->add_test_filter(
			'batchkeys_messages',
			static function () {
				return array( 'valid' => array( 'message' => array() ) );
			},
			20
		);
		$this->assertStringContainsString( 'valid', Messages::message( 'valid' ) );
	}

	/** Messages are translated through the text domain. */
	public function test_messages_are_translated() {
		$this->add_test_filter(
			'gettext_batchkeys',
			static function ( $translation, $text ) {
				return 'BatchKeys could not be reached.' === $text ? 'BatchKeys ist nicht erreichbar.' : $translation;
			},
			10,
			2
		);
		$this->assertSame( 'BatchKeys ist nicht erreichbar.', Messages::message( 'connection' ) );
	}

	/** The files src/shared/*.generated.json are exactly what tools/export-codes.php writes from PHP. */
	public function test_generated_files_match_php() {
		require_once dirname( __DIR__, 3 ) . '/tools/export-codes.php';
		$files = batchkeys_generated_files();
		$this->assertCount( 2, $files );
		foreach ( $files as $file => $json ) {
			$this->assertFileExists( $file );
			$this->assertSame( $json, file_get_contents( $file ), 'run: php tools/export-codes.php' );
		}
		$dir   = dirname( __DIR__, 3 ) . '/src/shared/';
		$codes = json_decode( (string) file_get_contents( $dir . 'codes.generated.json' ), true );
		$this->assertEqualsCanonicalizing( Messages::codes(), $codes['codes'] );
		$this->assertEquals( Messages::statuses(), $codes['statuses'] );
		$words = json_decode( (string) file_get_contents( $dir . 'messages.generated.json' ), true );
		$this->assertSame( Messages::get( 'key_length' ), $words['messages']['key_length'] );
		$this->assertSame( sprintf( $words['generic']['message'], 'brand_new' ), Messages::message( 'brand_new' ) );
	}

	/** Every state has its own word, and an unknown state reads as not active. */
	public function test_state_labels() {
		$words = array();
		foreach ( array( 'inactive', 'active', 'grace', 'lapsed', 'invalid' ) as $state ) {
			$words[ $state ] = Messages::state_label( $state );
		}
		$this->assertSame( 'Active (grace period)', $words['grace'] );
		$this->assertCount( 5, array_unique( $words ) );
		$this->assertSame( $words['inactive'], Messages::state_label( 'bogus' ) );
	}
}
