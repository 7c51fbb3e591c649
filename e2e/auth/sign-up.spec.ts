// Sign-up refuses what it should, and says why where the person is looking.
import { test, expect } from '../fixtures/actors'
import { toast } from '../fixtures/app-pages'
import { strongPassword } from '../fixtures/unique'

test('a weak password is refused with the rule it breaks', async ({ actors }) => {
  const { owner } = actors
  await owner.signUpPage.goto()
  await owner.signUpPage.fill({ name: owner.name, email: owner.email, password: 'short1' })
  await owner.signUpPage.submit()
  await expect(owner.page.locator('form').getByText('Use at least 10 characters.')).toBeVisible()
  await expect(owner.page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(owner.page).toHaveURL(/\/sign-up$/)

  // A long but well-known password is refused too.
  await owner.page.getByLabel('Password', { exact: true }).fill('password123')
  await owner.signUpPage.submit()
  await expect(owner.page.locator('form').getByText(/That password is too common/)).toBeVisible()
})

test('an email that already has an account cannot sign up again', async ({ actors }) => {
  const { owner, second } = actors
  await owner.signUp()
  await second.signUpPage.goto()
  await second.signUpPage.fill({ name: second.name, email: owner.email, password: strongPassword() })
  await second.signUpPage.submit()
  await expect(toast(second.page, /already/i, 'error')).toBeVisible()
  await expect(second.page.locator('form').getByRole('alert')).toContainText(/already/i)
  await expect(second.page).toHaveURL(/\/sign-up$/)
})
